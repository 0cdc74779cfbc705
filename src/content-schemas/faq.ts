import { z } from 'astro/zod';

/** One question a citizen asks (content/faq/*.mdx frontmatter). */
export const faqSchema = z.object({
  /** The question as a citizen would ask it, ending with "?". */
  question: z.string().trim().min(8).endsWith('?', 'question must end with "?"'),
  /** Position on the FAQ page, from 1. */
  order: z.number().int().positive(),
  /** Words citizens use for this question (synonyms, informal or English words); help search, not shown. */
  keywords: z.array(z.string().trim().min(2)).default([]),
  /**
   * Kept on the citizen's device from the first visit, readable offline without having been
   * opened (`true`), or only once opened (`false`). Default: unset, and the first answers by
   * `order` fill the places the marked ones leave (src/lib/offline-faqs.ts). Every other
   * answer is kept once visited, and offline its text still shows from the search index.
   */
  offline: z.boolean().optional(),
});

export type Faq = z.infer<typeof faqSchema>;
