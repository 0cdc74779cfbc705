import { z } from 'astro/zod';

const sentence = z.string().trim().min(3);

/** A service channel with its own procedure, numbered from 1. */
const channelSchema = z.object({
  /** URL slug: the procedure page is /prosedur/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lowercase letters, digits and "-"'),
  name: sentence,
  /** Time limit (waktu penyelesaian) for this channel, one sentence. */
  timeLimit: sentence,
  steps: z.array(sentence).min(1),
});

/** A service standard (content/standar/*.mdx frontmatter). */
export const standardSchema = z.object({
  title: sentence,
  /** Shown in search results and the page description; 200 characters at most. */
  summary: sentence.max(200),
  /** Decree (SK) number; null until published — the page then says so in words. */
  skNumber: z.string().trim().min(1).nullable().default(null),
  requirements: z.array(sentence).min(1),
  channels: z.array(channelSchema).min(1),
  /** Cost (biaya/tarif), once. */
  cost: sentence,
  products: z.array(sentence).min(1),
  /** Complaint channels; the numbers and addresses come from office.yaml. */
  complaints: z
    .array(z.object({ kind: z.enum(['whatsapp', 'email', 'phone']), label: sentence }))
    .min(1),
});

export type Standard = z.infer<typeof standardSchema>;
