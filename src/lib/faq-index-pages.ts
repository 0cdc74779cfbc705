/**
 * The FAQ index in pages of FAQ_PER_PAGE questions: /faq/ holds the first, /faq/halaman/2/
 * the second, and so on. One list of every question stopped scaling: at 1,000 answers the
 * single page with its FAQPage JSON-LD weighed 2.56 MB (measured 2026-12-06); a page of 100
 * stays about as heavy as the office's whole FAQ today.
 */
export const FAQ_PER_PAGE = 100;

/** The address of the index's page `page` (from 1). */
export const faqIndexHref = (page: number) => (page === 1 ? '/faq/' : `/faq/halaman/${page}/`);

export interface FaqIndexPage<T> {
  /** From 1. */
  page: number;
  pages: number;
  /** The position of the first question on this page, from 1 (for `<ol start>`). */
  first: number;
  items: T[];
}

/** Every page of the index, the first one even when there is no question yet. */
export function faqIndexPages<T>(items: readonly T[]): FaqIndexPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / FAQ_PER_PAGE));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    first: i * FAQ_PER_PAGE + 1,
    items: items.slice(i * FAQ_PER_PAGE, (i + 1) * FAQ_PER_PAGE),
  }));
}
