/**
 * The search vocabulary the build writes beside the Pagefind index (kosakata.json): every
 * word of the indexed pages with how often it occurs, and the word maps of
 * content/pencarian/kata.yaml. The query layer (search-query.ts) corrects typos to these
 * words and reads the maps from the same file, so both load once, with the Pagefind runtime.
 */
import type { SearchWords } from '../content-schemas/search-words.ts';
import { splitWords, type VocabularyFile } from './search-query.ts';

/** Loaded with the search, not with the page; checked by the build and by tests/e2e/search.spec.ts. */
export const VOCABULARY_BUDGET_GZ = 15 * 1024;

/** Where the build writes it, below the site's root. */
export const VOCABULARY_PATH = '/pagefind/kosakata.json';

// A word worth correcting to has a letter; numbers, and email addresses, are left out.
const WORD = /^(?=.*\p{L})[^@]{2,}$/u;

/**
 * `texts` are what Pagefind indexed of each page (its fragments' `content`); `keywords` the
 * FAQ keywords, counted once more on top of their hidden copy in the page, so that where two
 * corrections are equally near, the word citizens use wins.
 */
export function buildVocabulary(
  texts: readonly string[],
  keywords: readonly string[],
  maps: SearchWords,
): VocabularyFile {
  const counts = new Map<string, number>();
  for (const word of [...texts, ...keywords].flatMap(splitWords)) {
    if (WORD.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  // Sorted, so that the file (and its precache revision) changes only when the words do.
  const words = Object.fromEntries([...counts].sort(byName));
  return {
    words,
    spellings: maps.spellings,
    stopwords: maps.stopwords,
    optional: maps.optional,
    synonyms: maps.synonyms,
    endings: maps.endings,
  };
}
