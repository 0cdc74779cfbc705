import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page component; every text and attribute is escaped by Preact. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
