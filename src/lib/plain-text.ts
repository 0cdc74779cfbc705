/**
 * Plain text of a short Markdown answer, for JSON-LD and meta descriptions.
 * Handles what FAQ answers use (links, emphasis, code, lists, line breaks); not a full parser.
 * Line breaks are folded first: an editor's **bold** or [link](…) may wrap onto the next line,
 * and inline markup must be recognised across it.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s?)/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}])(\*|_)(?!\s)(.+?)(?<!\s)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

/** The first sentence-ish part of a text, cut at a word boundary to at most `max` characters. */
export function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,.;:]$/, '')}…`;
}
