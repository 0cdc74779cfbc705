import { z } from 'astro/zod';

/** A plain help page (content/pages/*.mdx frontmatter). */
export const pageSchema = z.object({
  title: z.string().trim().min(3),
  /** Page description for search engines and results; 200 characters at most. */
  description: z.string().trim().min(10).max(200),
});

export type Page = z.infer<typeof pageSchema>;
