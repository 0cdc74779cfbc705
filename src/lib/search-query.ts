/**
 * Query understanding for the site search and the consultation form's suggestions: what a
 * citizen types on a phone ("kantor bps dimana ya?", "brp lama jwbnnya") becomes the words the
 * site's pages use. Pagefind looks for pages holding every word of a query, so one filler or
 * informal word empties the list; this module drops, rewrites and (on request) corrects words
 * before Pagefind sees them. The word maps come from content/pencarian/kata.yaml and the
 * vocabulary from the index, both in the file the build writes (kosakata.json).
 */
import levenshtein from 'damerau-levenshtein';

/** dist/pagefind/kosakata.json, written by src/integrations/pagefind.ts. */
export interface VocabularyFile {
  /** Every word of the index (FAQ keywords counted once more) → how often it occurs. */
  words: Record<string, number>;
  /** The maps of content/pencarian/kata.yaml (src/content-schemas/search-words.ts). */
  spellings: Record<string, string>;
  stopwords: string[];
  optional: string[];
  synonyms: string[][];
  endings: string[];
}

export interface Dictionary {
  frequency: ReadonlyMap<string, number>;
  optional: ReadonlySet<string>;
  spellings: ReadonlyMap<string, readonly string[]>;
  stopwords: ReadonlySet<string>;
  /** A word → the other words of its synonym group. */
  synonyms: ReadonlyMap<string, readonly string[]>;
  endings: readonly string[];
  /** Words a typo can be corrected to, by length. */
  candidates: ReadonlyMap<number, readonly string[]>;
}

export function readDictionary(file: VocabularyFile): Dictionary {
  const frequency = new Map(Object.entries(file.words));
  const spellings = new Map(
    Object.entries(file.spellings).map(([typed, site]) => [typed, splitWords(site)]),
  );
  const synonyms = new Map<string, string[]>();
  for (const group of file.synonyms) {
    for (const word of group)
      synonyms.set(
        word,
        group.filter((other) => other !== word),
      );
  }
  // Corrections go to the words of the site and the words staff listed as meaningful, never
  // to an informal spelling or a filler word: "dibalas" is not "corrected" to "dibales".
  const candidates = new Map<number, string[]>();
  const targets = new Set([...frequency.keys(), ...synonyms.keys(), ...file.optional]);
  for (const word of targets) {
    if (!LETTERS.test(word)) continue;
    const list = candidates.get(word.length) ?? [];
    list.push(word);
    candidates.set(word.length, list);
  }
  return {
    frequency,
    optional: new Set(file.optional),
    spellings,
    stopwords: new Set(file.stopwords),
    synonyms,
    endings: file.endings,
    candidates,
  };
}

/** What the query layer knows when the vocabulary could not be loaded: nothing. */
export const EMPTY_DICTIONARY = readDictionary({
  words: {},
  spellings: {},
  stopwords: [],
  optional: [],
  synonyms: [],
  endings: [],
});

// Letters, digits and the "." "-" "@" inside names such as pst.bps.go.id, e-ktp or an email
// address (kept whole so that it is never searched, or sent to the staff statistics, in parts).
const NOT_WORD = /[^\p{L}\p{N}.@-]+/u;
const LETTERS = /^\p{L}+$/u;

/** The words of `text`, in lower case, in order, without punctuation. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(NOT_WORD)
    .map((word) => word.replace(/^[.@-]+|[.@-]+$/g, ''))
    .filter((word) => word !== '');
}

export interface Term {
  /** The word as typed (lower case) that this term comes from. */
  typed: string;
  /** What is searched. */
  word: string;
  /**
   * Words that count as this one: its synonyms, and the typed word when a spelling replaced
   * it but the site uses it too ("lewat" → "melalui", and pages saying "lewat" still count).
   */
  alternatives: string[];
  /** The nearest word of the vocabulary, when neither the index nor the maps know `word`. */
  suggestion: string | null;
  /** Names the service ("konsultasi"): searched, but a page need not hold it. */
  optional: boolean;
}

export interface Understood {
  /** The words as typed (lower case), corrections applied. */
  typed: string[];
  /** The words worth searching, in order, without repeats. */
  terms: Term[];
}

// Six words describe any question of this service; more only multiply the searches.
const MAX_TERMS = 6;
const MAX_ALTERNATIVES = 4;

/** The start of a word of the index: still being typed, and Pagefind completes it. */
function isPrefix(word: string, dictionary: Dictionary): boolean {
  for (const known of dictionary.frequency.keys()) if (known.startsWith(word)) return true;
  return false;
}

function isKnown(word: string, dictionary: Dictionary): boolean {
  return (
    dictionary.frequency.has(word) ||
    dictionary.spellings.has(word) ||
    dictionary.stopwords.has(word) ||
    dictionary.optional.has(word) ||
    dictionary.synonyms.has(word)
  );
}

/**
 * The word itself when known, else the first of: the word with letters typed three or more
 * times once ("gratisss"), with doubled letters once ("biayaa"), without an ending
 * ("kantornya"). Indonesian spells no word with a letter three times in a row.
 */
function knownForm(word: string, dictionary: Dictionary): string {
  const once = word.replace(/(\p{L})\1{2,}/gu, '$1');
  if (isKnown(once, dictionary)) return once;
  const single = once.replace(/(\p{L})\1/gu, '$1');
  if (isKnown(single, dictionary)) return single;
  for (const ending of dictionary.endings) {
    const stem = once.slice(0, -ending.length);
    if (once.endsWith(ending) && stem.length >= 3) {
      const stemForm = knownForm(stem, dictionary);
      if (isKnown(stemForm, dictionary)) return stemForm;
    }
  }
  return once;
}

/**
 * Damerau–Levenshtein distance a typo may have: 1 for words of 4–7 letters, 2 for longer ones;
 * shorter words ("wa", "hp", "sk") are too ambiguous to correct.
 */
export function allowedDistance(word: string): number {
  if (word.length < 4) return 0;
  return word.length <= 7 ? 1 : 2;
}

/**
 * The known word nearest to `word` within its allowed distance; ties go to the word the site
 * uses most, then to the alphabet (so the answer does not depend on the file's order).
 */
export function nearestWord(word: string, dictionary: Dictionary): string | null {
  const limit = allowedDistance(word);
  if (limit === 0 || !LETTERS.test(word)) return null;
  let best: { word: string; distance: number; frequency: number } | null = null;
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const candidate of dictionary.candidates.get(length) ?? []) {
      if (candidate.length < 3) continue;
      const distance = levenshtein(word, candidate).steps;
      if (distance > limit) continue;
      const frequency = dictionary.frequency.get(candidate) ?? 0;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)))
      ) {
        best = { word: candidate, distance, frequency };
      }
    }
  }
  return best?.word ?? null;
}

/**
 * The terms of a typed query: case, punctuation and repeated letters evened out, endings
 * taken off, informal words replaced, stop-words dropped, synonyms attached. A word that
 * neither the index nor the maps know gets a `suggestion`; `fixes` (typed word → correction)
 * applies the corrections the caller takes (all of them, unless the citizen asked for the
 * words as typed).
 */
export function understandQuery(
  text: string,
  dictionary: Dictionary,
  fixes: ReadonlyMap<string, string> = new Map(),
): Understood {
  const typed = splitWords(text).map((word) => fixes.get(word) ?? word);
  const terms: Term[] = [];
  for (const token of typed) {
    if (terms.length >= MAX_TERMS) break;
    const form = knownForm(token, dictionary);
    const replaced = dictionary.spellings.get(form) ?? [form];
    for (const word of replaced) {
      if (dictionary.stopwords.has(word) || terms.some((term) => term.word === word)) continue;
      const alternatives = new Set(dictionary.synonyms.get(word));
      if (word !== form) {
        if (dictionary.frequency.has(form)) alternatives.add(form);
        for (const synonym of dictionary.synonyms.get(form) ?? []) alternatives.add(synonym);
      }
      alternatives.delete(word);
      terms.push({
        typed: token,
        word,
        alternatives: [...alternatives].slice(0, MAX_ALTERNATIVES),
        // The maps' own words are never corrected: they are what the staff wrote.
        suggestion:
          word !== form || isKnown(word, dictionary) || isPrefix(word, dictionary)
            ? null
            : nearestWord(word, dictionary),
        optional: dictionary.optional.has(word),
      });
    }
  }
  return { typed, terms: terms.slice(0, MAX_TERMS) };
}
