import { z } from 'astro/zod';

// Query words are compared in lower case (src/lib/search-query.ts lowers what is typed), so a
// word written with a capital here would never match; letters, digits, "." and "-" only, as
// the query is split on everything else.
const word = z
  .string()
  .regex(
    /^[\p{Ll}\p{N}][\p{Ll}\p{N}.-]*$/u,
    'write one word in lower case (letters, digits, "." or "-"), e.g. "gimana"',
  );
// A replacement may be several words ("dimana" → "di mana").
const words = z
  .string()
  .regex(
    /^[\p{Ll}\p{N}][\p{Ll}\p{N}. -]*$/u,
    'write the word(s) in lower case, separated by spaces, e.g. "di mana"',
  );

/**
 * How citizens type, for the site search and the consultation form's suggestions
 * (content/pencarian/kata.yaml). The build puts these maps into the search vocabulary
 * (dist/pagefind/kosakata.json) beside the words of the index; staff extend them in a pull
 * request, like the FAQ keywords.
 */
export const searchWordsSchema = z
  .object({
    /**
     * Informal, abbreviated or misspelt words → the word(s) the site writes:
     * `gak: tidak`, `dimana: di mana`. The typed word is then searched as the site's word; if
     * the site also uses the typed word itself ("lewat"), pages with it are found too.
     */
    spellings: z.record(word, words).default({}),
    /**
     * Words that say nothing about the topic ("yang", "saya", "apakah", "sih"); dropped before
     * searching, so that a whole question does not need every one of its words on a page.
     */
    stopwords: z.array(word).default([]),
    /**
     * Words that name the service itself ("konsultasi", "statistik", "pst"): citizens add them
     * to any question, and most pages hold them, so a page is found without them and ranks
     * higher with them.
     */
    optional: z.array(word).default([]),
    /**
     * Groups of words that mean the same for this service, e.g. `[pengaduan, komplain,
     * keluhan]`: a search for one also finds pages that use another. A word belongs to one
     * group at most.
     */
    synonyms: z.array(z.array(word).min(2, 'a group needs at least two words')).default([]),
    /**
     * Endings taken off a word the site does not know when the word without them is known:
     * `kantornya` → `kantor`. Default: nya, lah, kah.
     */
    endings: z
      .array(z.string().regex(/^\p{Ll}+$/u, 'an ending is lower-case letters'))
      .default(['nya', 'lah', 'kah']),
  })
  .superRefine((maps, context) => {
    const stopwords = new Set(maps.stopwords);
    const seen = new Map<string, number>();
    maps.stopwords.forEach((stopword, index) => {
      if (maps.stopwords.indexOf(stopword) !== index)
        context.addIssue({
          code: 'custom',
          path: ['stopwords', index],
          message: `"${stopword}" is listed twice`,
        });
    });
    maps.optional.forEach((optional, index) => {
      if (stopwords.has(optional))
        context.addIssue({
          code: 'custom',
          path: ['optional', index],
          message: `"${optional}" is also a stop-word; keep it in one list`,
        });
    });
    for (const typed of Object.keys(maps.spellings)) {
      if (stopwords.has(typed))
        context.addIssue({
          code: 'custom',
          path: ['spellings', typed],
          message: `"${typed}" is also a stop-word; keep it in one list`,
        });
    }
    maps.synonyms.forEach((group, groupIndex) => {
      group.forEach((member, index) => {
        const path = ['synonyms', groupIndex, index];
        if (stopwords.has(member))
          context.addIssue({ code: 'custom', path, message: `"${member}" is also a stop-word` });
        if (Object.hasOwn(maps.spellings, member))
          context.addIssue({
            code: 'custom',
            path,
            message: `"${member}" is also in spellings (it is replaced before synonyms are read); list its replacement here instead`,
          });
        const other = seen.get(member);
        if (other !== undefined)
          context.addIssue({
            code: 'custom',
            path,
            message: `"${member}" is already in synonym group ${other + 1}; merge the groups`,
          });
        seen.set(member, groupIndex);
      });
    });
  });

export type SearchWords = z.infer<typeof searchWordsSchema>;
