import type { PageKind } from '../lib/search-state.ts';
import { PAGE_KINDS } from '../lib/search-state.ts';
import type { IndexResult, SiteSearch, SiteSearchOptions } from '../lib/site-search.ts';

export type { IndexResult };

/** The site search with its query layer, once loaded. */
export interface SearchEngine {
  search: (text: string, options: SiteSearchOptions) => Promise<SiteSearch>;
}

let enginePromise: Promise<SearchEngine> | undefined;

/**
 * Loads the search on first need: Pagefind's runtime (and through it the WebAssembly and the
 * index), the vocabulary and the query layer, which is why none of them weighs on the page.
 */
export function loadSearch(): Promise<SearchEngine> {
  enginePromise ??= import('./search-engine.ts')
    .then(({ openSearchEngine }) => openSearchEngine())
    .catch((error: unknown) => {
      // Let the next keystroke try again (e.g. after the connection comes back).
      enginePromise = undefined;
      throw error;
    });
  return enginePromise;
}

export interface Hit {
  url: string;
  title: string;
  kind?: PageKind;
  excerpt: string;
}

export async function toHit(result: IndexResult): Promise<Hit> {
  const data = await result.data();
  const kind = PAGE_KINDS.find((k) => data.filters.jenis?.includes(k));
  return { url: data.url, title: data.meta.title ?? data.url, kind, excerpt: data.excerpt };
}
