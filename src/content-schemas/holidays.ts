import { z } from 'astro/zod';

/** One day the office is closed besides weekends (content/holidays.yaml). */
export const holidaySchema = z.object({
  /** Calendar date in Asia/Jakarta, "YYYY-MM-DD" in quotes. */
  date: z.iso.date(),
  name: z.string().min(3),
  /** libur = national holiday, cuti_bersama = collective leave. */
  kind: z.enum(['libur', 'cuti_bersama']),
});

export const holidaysSchema = z.array(holidaySchema);

export type Holiday = z.infer<typeof holidaySchema>;
