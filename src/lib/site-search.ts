/**
 * The site search over a Pagefind index with the query layer in front (search-query.ts):
 * normalise, correct the words the vocabulary does not know, search all the words, and when
 * fewer than three pages hold them all (or a word has synonyms), search the words one by one
 * and merge by score. Used by /cari/, by the consultation form's suggestions and by
 * `npm run bench:search`, which hands it the Pagefind runtime directly.
 */
import { PAGE_KINDS, type PageKind } from './search-state.ts';
import { understandQuery, type Dictionary, type Term } from './search-query.ts';

// The part of Pagefind's JS API used here (https://pagefind.app/docs/api/), as of 1.6.
export interface PageData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: { jenis?: string[] };
}
export interface IndexResult {
  id: string;
  score: number;
  data: () => Promise<PageData>;
}
export interface KindFilter {
  jenis: { any: readonly PageKind[] };
}
export interface SearchIndex {
  search: (
    term: string,
    options: { filters: KindFilter },
  ) => Promise<{
    results: IndexResult[];
    totalFilters: { jenis?: Partial<Record<PageKind, number>> };
  }>;
}

/** Fewer pages than this holding every word: the words are searched one by one as well. */
export const ENOUGH_RESULTS = 3;
// The site has a few dozen pages; more than this many partial matches tell nobody anything.
const MERGED_LIMIT = 40;
// "Any of all kinds" matches every page, and unlike no filter it makes Pagefind count the
// results per kind (totalFilters), which the filter's labels show.
const ALL_KINDS: KindFilter = { jenis: { any: PAGE_KINDS } };

export interface SiteSearch {
  /** The words searched, corrections applied, separated by spaces: what staff statistics keep. */
  normalised: string;
  /** The query with its corrections ("persyaratan ktp") when a word was corrected, else null. */
  corrected: string | null;
  /** No page holds every word: the results are for some of them. */
  partial: boolean;
  /** Best first, of the chosen kind. */
  results: IndexResult[];
  /** Results per kind, whatever kind was chosen. */
  counts: Partial<Record<PageKind, number>>;
}

export interface SiteSearchOptions {
  /** Only pages of this kind; null for all. */
  kind: PageKind | null;
  /** Correct words the vocabulary does not know (false after "Cari … saja"). */
  correct: boolean;
}

interface Merged {
  result: IndexResult;
  /** The best score of the page for each term, 0 where the term is not on it. */
  scores: number[];
}

/** Holds every term that narrows the search (optional words aside, unless all are optional). */
export function holdsAll(page: Merged, terms: readonly Term[]): boolean {
  const narrowing = terms.some((term) => !term.optional);
  return terms.every((term, position) => (narrowing && term.optional) || page.scores[position] > 0);
}

/**
 * Pages found for each term by any of its words, ranked: pages holding all the terms first,
 * then pages holding more of them, each by the sum of their best score per term. (A page with
 * three of four words answers better than one that scores high on "bps" alone, which every
 * page says.)
 */
export function rankMerged(merged: readonly Merged[], terms: readonly Term[]): Merged[] {
  const rank = (page: Merged) =>
    (holdsAll(page, terms) ? terms.length : 0) +
    page.scores.filter((score, position) => score > 0 && !terms[position].optional).length;
  const total = (page: Merged) => page.scores.reduce((sum, score) => sum + score, 0);
  return [...merged].sort((a, b) => rank(b) - rank(a) || total(b) - total(a));
}

async function mergeTerms(index: SearchIndex, terms: readonly Term[]): Promise<Merged[]> {
  const pages = new Map<string, Merged>();
  const responses = await Promise.all(
    terms.map((term) =>
      Promise.all(
        [term.word, ...term.alternatives].map((word) => index.search(word, { filters: ALL_KINDS })),
      ),
    ),
  );
  responses.forEach((forms, position) => {
    for (const { results } of forms) {
      for (const result of results) {
        const page = pages.get(result.id) ?? { result, scores: terms.map(() => 0) };
        page.scores[position] = Math.max(page.scores[position], result.score);
        // The excerpt comes from the search the page scored best in, so it shows that word.
        if (result.score > page.result.score) page.result = result;
        pages.set(result.id, page);
      }
    }
  });
  return rankMerged([...pages.values()], terms);
}

export async function searchSite(
  index: SearchIndex,
  dictionary: Dictionary,
  text: string,
  { kind, correct }: SiteSearchOptions,
): Promise<SiteSearch> {
  let query = understandQuery(text, dictionary);
  let corrected: string | null = null;
  const fixes = new Map(
    query.terms.flatMap((term) => (term.suggestion ? [[term.typed, term.suggestion]] : [])),
  );
  if (correct && fixes.size > 0) {
    query = understandQuery(text, dictionary, fixes);
    corrected = query.typed.join(' ');
  }
  const { terms } = query;
  const normalised = terms.map((term) => term.word).join(' ');
  if (terms.length === 0) return { normalised, corrected, partial: false, results: [], counts: {} };

  // Optional words narrow nothing; Pagefind, which wants every word on a page, gets the others.
  const narrowing = terms.filter((term) => !term.optional);
  const required = (narrowing.length > 0 ? narrowing : terms).map((term) => term.word).join(' ');
  const all = await index.search(required, {
    filters: kind ? { jenis: { any: [kind] } } : ALL_KINDS,
  });
  // Enough pages hold the words as understood, none with synonyms: Pagefind's own ranking stands.
  if (all.results.length >= ENOUGH_RESULTS && terms.every((term) => !term.alternatives.length)) {
    return {
      normalised,
      corrected,
      partial: false,
      results: all.results,
      // Counted as if no kind were chosen, for the filter's labels.
      counts: all.totalFilters.jenis ?? {},
    };
  }

  // Synonyms, or too few pages: each term by all its words, merged by score. Pages holding
  // every term keep the excerpt of the all-words search, which marks them all.
  const whole = new Map(all.results.map((result) => [result.id, result]));
  const ranked = (await mergeTerms(index, terms)).slice(0, MERGED_LIMIT);
  const pages = await Promise.all(
    ranked.map(async (page) => {
      const result = whole.get(page.result.id) ?? page.result;
      return {
        result,
        complete: holdsAll(page, terms),
        kinds: (await result.data()).filters.jenis ?? [],
      };
    }),
  );
  // Only when fewer than three pages hold every term do the pages with some of them count.
  const complete = pages.filter((page) => page.complete);
  const listed = complete.length >= ENOUGH_RESULTS ? complete : pages;
  const counts: Partial<Record<PageKind, number>> = {};
  for (const { kinds } of listed) {
    for (const k of PAGE_KINDS) if (kinds.includes(k)) counts[k] = (counts[k] ?? 0) + 1;
  }
  const shown = listed.filter(({ kinds }) => !kind || kinds.includes(kind));
  return {
    normalised,
    corrected,
    partial: shown.length > 0 && !shown.some((page) => page.complete),
    results: shown.map(({ result }) => result),
    counts,
  };
}
