import type { PageKind } from '../lib/search-state.ts';
import { PAGE_KINDS } from '../lib/search-state.ts';

// The part of Pagefind's JS API used here (https://pagefind.app/docs/api/), as of 1.6.
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: { jenis?: string[] };
}
export type PagefindResult = { data: () => Promise<PagefindData> };
interface Pagefind {
  options: (options: { excerptEllipsis: string }) => Promise<void>;
  search: (
    term: string,
    options: { filters: { jenis: { any: PageKind[] } } },
  ) => Promise<{
    results: PagefindResult[];
    totalFilters: { jenis?: Partial<Record<PageKind, number>> };
  }>;
}

// Written by src/integrations/pagefind.ts at build time, so it does not exist under `astro dev`.
const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefindPromise: Promise<Pagefind> | undefined;

/** Loads Pagefind's runtime (and through it the WebAssembly and index) once, on first need. */
export function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>)
    .then(async (pagefind) => {
      await pagefind.options({ excerptEllipsis: '…' });
      return pagefind;
    })
    .catch((error: unknown) => {
      // Let the next keystroke try again (e.g. after the connection comes back).
      pagefindPromise = undefined;
      throw error;
    });
  return pagefindPromise;
}

export interface Hit {
  url: string;
  title: string;
  kind?: PageKind;
  excerpt: string;
}

export async function toHit(result: PagefindResult): Promise<Hit> {
  const data = await result.data();
  const kind = PAGE_KINDS.find((k) => data.filters.jenis?.includes(k));
  return { url: data.url, title: data.meta.title ?? data.url, kind, excerpt: data.excerpt };
}
