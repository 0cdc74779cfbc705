import { excerptParts } from '../lib/search-excerpt.ts';

/** A Pagefind excerpt as text and <mark> elements, never as HTML. */
export function Excerpt({ excerpt }: { excerpt: string }) {
  return (
    <>{excerptParts(excerpt).map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</>
  );
}
