// Words that say nothing about the topic of a question. Pagefind looks for pages holding
// all the words of a query, so a whole question ("saya ingin tahu apakah …") would match
// nothing; the suggestion search uses only the words that carry meaning.
const STOPWORDS = new Set(
  (
    'saya aku kami kita anda ingin mau tahu apakah apa bagaimana gimana kenapa mengapa ' +
    'yang di ke dari untuk dan atau ini itu ada adalah akan bisa dapat apa saja dengan ' +
    'pada dalam juga sudah belum tolong mohon bapak ibu kak min admin terima kasih tanya ' +
    'bertanya nya pak bu ya tidak sih dong kah lah the a an is to how what'
  ).split(' '),
);

/** The meaningful words of a typed question, in order, without repeats; at most `max`. */
export function significantWords(text: string, max = 6): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.@-]+/u)
    .map((word) => word.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word));
  return [...new Set(words)].slice(0, max);
}
