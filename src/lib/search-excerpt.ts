export interface ExcerptPart {
  text: string;
  /** A word Pagefind matched, shown in <mark>. */
  marked: boolean;
}

// Pagefind 1.6 escapes "<" and ">" in excerpts but passes "&" and quotes through as they are
// (checked with a page containing "<script>" and "&"); &amp; is decoded too in case a later
// version escapes it.
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const decode = (text: string) =>
  text.replace(/&(?:lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * Splits a Pagefind excerpt ("Tidak dipungut <mark>biaya</mark>.") into plain-text parts, so
 * the island renders it as text nodes and <mark> elements and never as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  // split() with a capturing group alternates: text, marked, text, marked, …
  return excerpt
    .split(/<mark>(.*?)<\/mark>/s)
    .map((text, index) => ({ text: decode(text), marked: index % 2 === 1 }))
    .filter((part) => part.text !== '');
}
