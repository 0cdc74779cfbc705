/**
 * The text a reply template puts into the reply box. Replies go out as plain-text mail and
 * show as text on /status/, so Markdown becomes what a reader of plain text expects: a link
 * becomes its words followed by the full address, emphasis loses its marks, paragraphs and
 * list lines stay.
 */
export function replyText(markdown: string, siteUrl: string): string {
  const absolute = (href: string) => (href.startsWith('/') ? `${siteUrl}${href}` : href);
  return (
    markdown
      .replace(/\r\n/g, '\n')
      .replace(
        /\[([^\]]+)\]\(([^)\s]+)\)/g,
        (_, words: string, href: string) => `${words} (${absolute(href)})`,
      )
      .replace(/(\*\*|__)(.+?)\1/gs, '$2')
      .replace(/^[ \t]{0,3}[*+][ \t]+/gm, '- ')
      // Lines an editor wrapped inside a paragraph join again; blank lines and list items stay.
      .replace(/([^\n])\n(?!\n|- |\d+\. )/g, '$1 ')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
