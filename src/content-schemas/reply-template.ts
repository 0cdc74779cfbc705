import { z } from 'astro/zod';

/** A reply officers insert into their answer (content/balasan/*.md frontmatter). */
export const replyTemplateSchema = z.object({
  /** What the officer picks from the list, e.g. "Data tersedia di situs BPS". */
  title: z.string().trim().min(3).max(80),
  /** Position in the list, from 1. */
  order: z.number().int().positive(),
  /** The requests it fits; both when omitted. */
  kinds: z
    .array(z.enum(['konsultasi', 'pengaduan']))
    .min(1)
    .default(['konsultasi', 'pengaduan']),
});

export type ReplyTemplateMeta = z.infer<typeof replyTemplateSchema>;
