/** Page kinds, the search filter "jenis": every page of the site has one (BaseLayout). */
export type PageKind = 'standar' | 'prosedur' | 'faq' | 'halaman';

/** Labels of the search filter "jenis" (BaseLayout's page kinds), in the order shown. */
export const KIND_LABELS = {
  faq: 'Tanya jawab',
  standar: 'Standar pelayanan',
  prosedur: 'Prosedur',
  halaman: 'Halaman lain',
} as const satisfies Record<PageKind, string>;

export const PAGE_KINDS = Object.keys(KIND_LABELS) as PageKind[];

/** What the search page shows, as kept in its address: /cari/?q=biaya&jenis=faq */
export interface SearchState {
  query: string;
  /** null: all kinds. */
  kind: PageKind | null;
  /** Search the words as typed, without correcting them ("Cari … saja"): &koreksi=tidak. */
  exact: boolean;
}

function isPageKind(value: string | null): value is PageKind {
  return value !== null && Object.hasOwn(KIND_LABELS, value);
}

const NO_CORRECTION = { name: 'koreksi', value: 'tidak' } as const;

/** Reads the state from a query string ("?q=…&jenis=…"); an unknown kind means all kinds. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const kind = params.get('jenis');
  return {
    query: params.get('q') ?? '',
    kind: isPageKind(kind) ? kind : null,
    exact: params.get(NO_CORRECTION.name) === NO_CORRECTION.value,
  };
}

/** The address of `state` on the page at `pathname`; empty parts are left out. */
export function searchHref(pathname: string, { query, kind, exact }: SearchState): string {
  const params = new URLSearchParams();
  if (query.trim() !== '') params.set('q', query);
  if (kind) params.set('jenis', kind);
  if (exact) params.set(NO_CORRECTION.name, NO_CORRECTION.value);
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
