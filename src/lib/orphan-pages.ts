/**
 * Pages no other page links to: a citizen can reach them only by typing the address or
 * through a search engine. Every page in the sitemap must be linked from somewhere else.
 */

/** Internal link targets of a page's HTML, as paths with a trailing slash ("/faq/biaya/"). */
export function internalLinks(html: string, origin: string): string[] {
  const links = new Set<string>();
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
    const url = new URL(href.replaceAll('&amp;', '&'), `${origin}/`);
    if (url.origin !== origin) continue;
    links.add(url.pathname);
  }
  return [...links];
}

/** The `required` paths that no page other than themselves links to, in the given order. */
export function orphanPages(
  linksByPage: ReadonlyMap<string, readonly string[]>,
  required: readonly string[],
): string[] {
  const linked = new Set<string>();
  for (const [page, links] of linksByPage) {
    for (const target of links) if (target !== page) linked.add(target);
  }
  return required.filter((path) => path !== '/' && !linked.has(path));
}
