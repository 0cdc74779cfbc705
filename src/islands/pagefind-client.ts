import type { PageKind } from '../lib/search-state.ts';
import { PAGE_KINDS } from '../lib/search-state.ts';
import type { IndexResult, SiteSearch, SiteSearchOptions } from '../lib/site-search.ts';

export type { IndexResult };

/** The site search with its query layer, once loaded. */
export interface SearchEngine {
  search: (text: string, options: SiteSearchOptions) => Promise<SiteSearch>;
}

/**
 * Loads the search on first need (search-engine.ts): Pagefind's runtime (and through it the
 * WebAssembly and the index), the vocabulary and the query layer, which is why none of them
 * weighs on the page.
 */
export async function loadSearch(): Promise<SearchEngine> {
  const { loadSearchEngine } = await import('./search-engine.ts');
  return loadSearchEngine();
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
