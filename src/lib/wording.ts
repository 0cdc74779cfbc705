/**
 * Words the service does not use when it speaks to citizens, with the word it uses instead.
 * One name per concept ("nomor permintaan"), plain words instead of the official document's
 * glosses, no Markdown left in text, no technical terms. Checked over every built page
 * (meta and structured data included), every mail and message (tests), and — as warnings —
 * in what editors write in content/ (the content linter). The standard's own wording, marked
 * `data-verbatim` on the page and kept in the `text:` fields of its frontmatter, is exempt.
 */

export interface WordingRule {
  pattern: RegExp;
  /** What to write instead. */
  instead: string;
}

export const WORDING_RULES: readonly WordingRule[] = [
  { pattern: /\bnomor rujukan\b/i, instead: 'nomor permintaan' },
  { pattern: /\brujukan\b/i, instead: 'nomor permintaan' },
  { pattern: /\bnomor transaksi\b/i, instead: 'nomor permintaan' },
  { pattern: /\bnomor sementara\b/i, instead: 'nomor permintaan (setelah terkirim)' },
  { pattern: /\btransaksi konsultasi\b/i, instead: 'permintaan konsultasi' },
  { pattern: /mencari\/searching/i, instead: 'mencari informasi' },
  { pattern: /\bmerespon\b/i, instead: 'merespons' },
  { pattern: /\bantrian\b/i, instead: 'antrean' },
  { pattern: /\*\*|__/, instead: 'teks tanpa tanda Markdown' },
  {
    pattern: /\b(sessionStorage|IndexedDB|service worker)\b/i,
    instead: 'kata sehari-hari, mis. "salinan halaman di peramban"',
  },
  {
    pattern: /\bapplication\/(json|x-www-form-urlencoded)\b|\bobjek JSON\b/i,
    instead: '"Formulir belum dapat diproses. Muat ulang halaman lalu kirim lagi."',
  },
];

export interface WordingFinding {
  /** The text that was found, as written. */
  found: string;
  column: number;
  instead: string;
}

/** Every phrase of `text` the rules forbid, in order of position. */
export function wordingFindings(text: string): WordingFinding[] {
  const findings: WordingFinding[] = [];
  for (const rule of WORDING_RULES) {
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`);
    for (const match of text.matchAll(global)) {
      findings.push({ found: match[0], column: (match.index ?? 0) + 1, instead: rule.instead });
    }
  }
  // "nomor rujukan" also matches "rujukan"; report a place once.
  const unique = findings.filter(
    (finding, index) =>
      !findings.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.column <= finding.column &&
          other.column + other.found.length >= finding.column + finding.found.length &&
          other.found.length > finding.found.length,
      ),
  );
  return unique.sort((a, b) => a.column - b.column);
}
