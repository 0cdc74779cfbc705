import { z } from 'astro/zod';
import { STEP_ACTION_IDS } from '../lib/forms.ts';

const sentence = z.string().trim().min(3);

/**
 * One requirement or step: the standard's official wording, shown on the standard page, and
 * the same thing said plainly to the citizen, shown everywhere else.
 */
const item = z.object({
  /** The official (corrected) wording of the standard; shown only on /standar-pelayanan/. */
  text: sentence,
  /** The same, addressed to the citizen ("Bawa KTP…"); shown on the start and procedure pages. */
  plain: sentence,
});

const step = item.extend({
  /**
   * Forms or pages this step leads to, shown as links after it: konsultasi, pengaduan,
   * penilaian, status, cari. Default: none.
   */
  actions: z.array(z.enum(STEP_ACTION_IDS)).default([]),
});

/** A service channel with its own requirements and procedure, numbered from 1. */
const channelSchema = z.object({
  /** URL slug: the procedure page is /prosedur/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lowercase letters, digits and "-"'),
  /** Which of the standard's two channels this is; its time limit is read from `limits`. */
  kind: z.enum(['datang_langsung', 'online']),
  name: sentence,
  /** Time limit (waktu penyelesaian) in the standard's words, one sentence. */
  timeLimit: sentence,
  requirements: z.array(item).min(1),
  steps: z.array(step).min(1),
});

/** The standard's numbers; code reads them from here and never writes them itself. */
const limitsSchema = z.object({
  /** Online: served within this many working days after the request is clear and complete. */
  onlineWorkingDays: z.number().int().min(1).max(30),
  /** Walk-in: served within this many minutes after the previous visitor's service ended. */
  walkInMinutes: z.number().int().min(1).max(240),
  /** Online: the conversation closes after this many days without a response from the citizen. */
  autoCloseDays: z.number().int().min(1).max(90),
});

/** A service standard (content/standar/*.mdx frontmatter). */
export const standardSchema = z
  .object({
    title: sentence,
    /** Shown in search results and the page description; 200 characters at most. */
    summary: sentence.max(200),
    /** Decree (SK) number; null while the standard does not state it — the page then says so. */
    skNumber: z.string().trim().min(1).nullable().default(null),
    limits: limitsSchema,
    /** A note shown above the requirements, e.g. how the printed standard lists them. Optional. */
    requirementsNote: sentence.optional(),
    channels: z.array(channelSchema).min(1),
    /** Cost (biaya/tarif), once. */
    cost: sentence,
    products: z.array(sentence).min(1),
    /** Complaint channels; the numbers and addresses come from office.yaml. */
    complaints: z
      .array(z.object({ kind: z.enum(['whatsapp', 'email', 'phone']), label: sentence }))
      .min(1),
  })
  .refine(
    (standard) =>
      new Set(standard.channels.map((channel) => channel.kind)).size === standard.channels.length,
    { message: 'each channel kind (datang_langsung, online) may appear once', path: ['channels'] },
  );

export type Standard = z.infer<typeof standardSchema>;
export type Channel = Standard['channels'][number];
export type ServiceLimits = Standard['limits'];
