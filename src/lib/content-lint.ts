// Checks the text editors write in content/ for the mistakes found in the source text of the
// standard: another office's name pasted in, a list item twice, a doubled word, an empty
// label, a stray number, a paragraph twice, contact details that differ from office.yaml,
// links to pages that do not exist, a time limit that disagrees with the standard's numbers,
// and words the service does not use with citizens. Pure: the caller reads the files.
import type { ServiceLimits } from './service-limits.ts';
import { wordingFindings } from './wording.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint: string;
}

export interface LintContext {
  /** The regency or city served, e.g. "Kabupaten Contoh". */
  region: string;
  province: string;
  /** Phone numbers of the office, any format; compared by digits. */
  phones: string[];
  emails: string[];
  /** Paths of the site's pages, with trailing slash ("/faq/biaya/"). */
  routes: Set<string>;
  /** The standard's numbers (`limits` in its frontmatter); time limits in the text must agree. */
  limits: ServiceLimits;
}

export interface ContentFile {
  path: string;
  text: string;
}

interface Line {
  number: number;
  text: string;
  inFrontmatter: boolean;
}

function splitLines(text: string): Line[] {
  const raw = text.split(/\r?\n/);
  const hasFrontmatter = raw[0]?.trim() === '---';
  let closed = !hasFrontmatter;
  return raw.map((line, index) => {
    const inFrontmatter = !closed && index > 0;
    if (!closed && index > 0 && line.trim() === '---') closed = true;
    return { number: index + 1, text: line, inFrontmatter: inFrontmatter && line.trim() !== '---' };
  });
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

type Check = (
  lines: Line[],
  context: LintContext,
  add: (finding: Omit<Finding, 'file'>) => void,
  path: string,
) => void;

const ADMIN_AREA = /\b(Kabupaten|Kota|Provinsi)\s+((?:[A-Z][\p{L}'-]*)(?:\s+[A-Z][\p{L}'-]*)*)/gu;

const officeName: Check = (lines, context, add) => {
  const expected = {
    Kabupaten: context.region.replace(/^(Kabupaten|Kota)\s+/, ''),
    Kota: context.region.replace(/^(Kabupaten|Kota)\s+/, ''),
    Provinsi: context.province,
  };
  for (const line of lines) {
    for (const match of line.text.matchAll(ADMIN_AREA)) {
      const [found, kind, name] = match as unknown as [string, keyof typeof expected, string];
      const wanted = expected[kind];
      if (name.startsWith(wanted)) continue;
      const kindOfRegion = kind === 'Provinsi' ? 'Provinsi' : context.region.split(' ')[0];
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'office-name',
        severity: 'error',
        message: `"${found}" is not this office's area (office.yaml says ${kindOfRegion} ${wanted}).`,
        hint: `Copied from another office? Replace with "${kindOfRegion} ${wanted}".`,
      });
    }
  }
};

const LIST_ITEM = /^(\s*)(?:-|\*|\d+[.)])\s+(.*\S)\s*$/;

const duplicateListItem: Check = (lines, _context, add) => {
  // One open list per indentation; a line indented less than a list closes it.
  const lists = new Map<number, Map<string, number>>();
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const match = LIST_ITEM.exec(line.text);
    const indent = match ? match[1].length : line.text.length - line.text.trimStart().length;
    for (const level of [...lists.keys()]) {
      if (level > indent || (!match && level === indent)) lists.delete(level);
    }
    if (!match) continue;
    const item = normalize(match[2]);
    if (item.length < 3) continue;
    const seen = lists.get(indent) ?? new Map<string, number>();
    lists.set(indent, seen);
    const first = seen.get(item);
    if (first === undefined) {
      seen.set(item, line.number);
      continue;
    }
    add({
      line: line.number,
      column: indent + 1,
      rule: 'duplicate-list-item',
      severity: 'error',
      message: `This list item repeats line ${first}: "${match[2].slice(0, 60)}".`,
      hint: 'Remove the duplicate. If the list joins two channels (e.g. the walk-in and online requirements or procedures), split it into one list per channel, each numbered from 1.',
    });
  }
};

const DOUBLED_WORD = /(?<![\p{L}-])(\p{L}{2,})\s+\1(?![\p{L}-])/giu;

const doubledWord: Check = (lines, _context, add) => {
  for (const line of lines) {
    for (const match of line.text.matchAll(DOUBLED_WORD)) {
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'doubled-word',
        severity: 'error',
        message: `The word "${match[1]}" is written twice: "${match[0]}".`,
        hint: `Delete one "${match[1]}". Indonesian reduplication takes a hyphen ("${match[1]}-${match[1]}").`,
      });
    }
  }
};

// Labels whose value the standard must show; an empty one is a warning so a missing decree
// number does not block publishing, but editors see it on every run.
const REQUIRED_LABELS = [
  {
    frontmatter: /^skNumber:\s*(null|~|""|'')?\s*$/,
    prose: /^\s*No\.?\s*SK\s*:\s*$/i,
    name: 'SK number (No. SK)',
  },
];

const emptyLabel: Check = (lines, _context, add) => {
  for (const line of lines) {
    for (const label of REQUIRED_LABELS) {
      const pattern = line.inFrontmatter ? label.frontmatter : label.prose;
      if (!pattern.test(line.text)) continue;
      add({
        line: line.number,
        column: 1,
        rule: 'empty-label',
        severity: 'warning',
        message: `The ${label.name} is empty.`,
        hint: line.inFrontmatter
          ? 'Fill it in when the decree number is known; until then the page says the standard does not state it.'
          : 'Do not publish an empty label: give the value, or say in a sentence that it is not yet available.',
      });
    }
  }
};

const strayNumber: Check = (lines, _context, add) => {
  for (const line of lines) {
    if (line.inFrontmatter || !/^\s*\d+\s*$/.test(line.text)) continue;
    add({
      line: line.number,
      column: 1,
      rule: 'stray-number',
      severity: 'error',
      message: `A line holds only the number "${line.text.trim()}".`,
      hint: 'Probably left over from copying; delete it or finish the sentence it belongs to.',
    });
  }
};

const duplicateParagraph: Check = (lines, _context, add) => {
  let previous: { text: string; line: number } | undefined;
  let current: { text: string; line: number } | undefined;
  const close = () => {
    if (current && previous && current.text === previous.text && current.text.length > 0) {
      add({
        line: current.line,
        column: 1,
        rule: 'duplicate-paragraph',
        severity: 'error',
        message: `This paragraph repeats the one on line ${previous.line}.`,
        hint: 'Delete the second copy.',
      });
    }
    if (current) previous = current;
    current = undefined;
  };
  for (const line of lines) {
    if (line.inFrontmatter) continue;
    if (line.text.trim() === '' || LIST_ITEM.test(line.text) || /^\s*#/.test(line.text)) {
      close();
      if (line.text.trim() !== '') previous = undefined;
      continue;
    }
    current = current
      ? { text: `${current.text} ${normalize(line.text)}`, line: current.line }
      : { text: normalize(line.text), line: line.number };
  }
  close();
};

const PHONE = /(?<![\d+])(?:\+62|62|0)8[\d\s-]{7,14}\d/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** A phone number reduced to what identifies it: digits without the 0 or +62 prefix. */
const phoneDigits = (phone: string) => phone.replace(/\D/g, '').replace(/^(62|0)/, '');

const officeContact: Check = (lines, context, add) => {
  const phones = new Set(context.phones.map(phoneDigits));
  const emails = new Set(context.emails.map((email) => email.toLowerCase()));
  for (const line of lines) {
    for (const match of line.text.matchAll(PHONE)) {
      if (phones.has(phoneDigits(match[0]))) continue;
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'office-contact',
        severity: 'error',
        message: `The number "${match[0]}" is not the office's number in office.yaml.`,
        hint: 'Use the number from content/office.yaml, or change it there if the office has a new one.',
      });
    }
    for (const match of line.text.matchAll(EMAIL)) {
      if (emails.has(match[0].toLowerCase())) continue;
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'office-contact',
        severity: 'error',
        message: `The email "${match[0]}" is not the office's email in office.yaml.`,
        hint: 'Use the email from content/office.yaml, or change it there.',
      });
    }
  }
};

const INTERNAL_LINK = /\]\((\/[^)\s#?]*)[^)]*\)|href=["'](\/[^"'#?]*)/g;

const brokenLink: Check = (lines, context, add) => {
  for (const line of lines) {
    for (const match of line.text.matchAll(INTERNAL_LINK)) {
      const path = match[1] ?? match[2];
      const withSlash = /\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
      if (context.routes.has(withSlash)) continue;
      const near = [...context.routes].find((route) =>
        route.startsWith(withSlash.split('/').slice(0, 2).join('/')),
      );
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'broken-link',
        severity: 'error',
        message: `The link "${path}" goes to a page that does not exist.`,
        hint: near
          ? `Check the address; a page that exists nearby is "${near}".`
          : 'Check the address against the page list.',
      });
    }
  }
};

// "maksimal 10 (sepuluh) menit", "paling lama 3 hari kerja", "selama 7 (tujuh) hari".
// Emphasis may wrap the number ("paling lama **3 (tiga) hari kerja**").
const TIME_LIMIT =
  /\b(maksimal|paling lama|selama)\s+[*_]{0,2}(\d+)(?:\s*\(\s*\p{L}+\s*\))?\s+(menit|hari kerja|hari)\b/giu;

const serviceNumber: Check = (lines, context, add) => {
  const expected: Record<string, { value: number; field: keyof ServiceLimits }> = {
    menit: { value: context.limits.walkInMinutes, field: 'walkInMinutes' },
    'hari kerja': { value: context.limits.onlineWorkingDays, field: 'onlineWorkingDays' },
    hari: { value: context.limits.autoCloseDays, field: 'autoCloseDays' },
  };
  for (const line of lines) {
    for (const match of line.text.matchAll(TIME_LIMIT)) {
      const unit = match[3].toLowerCase();
      const wanted = expected[unit];
      if (Number(match[2]) === wanted.value) continue;
      add({
        line: line.number,
        column: (match.index ?? 0) + 1,
        rule: 'service-number',
        severity: 'error',
        message: `"${match[0]}" disagrees with the standard: limits.${wanted.field} is ${wanted.value}.`,
        hint: `Write ${wanted.value} ${unit}, or change limits.${wanted.field} in the standard's frontmatter if the standard changed.`,
      });
    }
  }
};

// The standard's own words (the `text:` and `timeLimit:` fields of its frontmatter) are
// published as written, and FAQ keywords and the search's word maps (content/pencarian/)
// are words as citizens type them (misspellings included, for search); everything else
// speaks to the citizen.
const OFFICIAL_FIELD = /^\s*(-\s+)?(text|timeLimit):/;
const KEYWORDS_FIELD = /^keywords:/;

const plainLanguage: Check = (lines, _context, add, path) => {
  if (/(^|\/)pencarian\//.test(path)) return;
  const isStandard = /(^|\/)standar\//.test(path);
  for (const line of lines) {
    if (isStandard && line.inFrontmatter && OFFICIAL_FIELD.test(line.text)) continue;
    if (line.inFrontmatter && KEYWORDS_FIELD.test(line.text)) continue;
    // In content, ** and __ are Markdown, not leaked markup.
    for (const finding of wordingFindings(line.text).filter((f) => !/^(\*\*|__)$/.test(f.found))) {
      add({
        line: line.number,
        column: finding.column,
        rule: 'plain-language',
        severity: 'warning',
        message: `"${finding.found}" is not how this site speaks to citizens.`,
        hint: `Write ${finding.instead}.`,
      });
    }
  }
};

const CHECKS: Check[] = [
  officeName,
  duplicateListItem,
  doubledWord,
  emptyLabel,
  strayNumber,
  duplicateParagraph,
  officeContact,
  brokenLink,
  serviceNumber,
  plainLanguage,
];

export function lintContent(files: ContentFile[], context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const lines = splitLines(file.text);
    for (const check of CHECKS)
      check(lines, context, (finding) => findings.push({ file: file.path, ...finding }), file.path);
  }
  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} [${finding.rule}] ${finding.message}\n    → ${finding.hint}`;
}

// GitHub Actions workflow commands: the finding shows on the changed line of a pull request.
// Values are escaped as the runner expects (%, CR and LF; also "," and ":" in properties).
const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message → hint`, for `--format github`. */
export function formatFindingForGithub(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `title=${escapeProperty(finding.rule)}`,
  ].join(',');
  return `::${finding.severity} ${properties}::${escapeData(`${finding.message} → ${finding.hint}`)}`;
}
