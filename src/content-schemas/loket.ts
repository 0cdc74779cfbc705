import { z } from 'astro/zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens, e.g. "meja-1"');

/** A consultation desk at the Front Office. */
const deskSchema = z.object({
  /** Stable identifier, kept with each visit, e.g. "meja-1". */
  id,
  /** Shown on the display and spoken ("Meja 1" is read "meja satu"). */
  name: z.string().min(2).max(40),
});

/** A service a visitor can come for: the guest book's `purpose`. */
const serviceSchema = z.object({
  /** Stable identifier, kept with each visit, e.g. "konsultasi". */
  id,
  /** As the visitor reads it in the guest book, e.g. "Konsultasi statistik". */
  name: z.string().min(3).max(80),
  /** The ticket's letter(s): "K" gives K-001, K-002 … from the start of each day. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters, e.g. "K"'),
});

/** The walk-in desk (content/loket.yaml). Without the file the walk-in pages answer 404. */
export const loketSchema = z
  .object({
    desks: z.array(deskSchema).min(1),
    services: z.array(serviceSchema).min(1),
  })
  .refine((loket) => new Set(loket.desks.map((desk) => desk.id)).size === loket.desks.length, {
    message: 'two desks have the same id',
    path: ['desks'],
  })
  .refine(
    (loket) =>
      new Set(loket.services.map((service) => service.id)).size === loket.services.length &&
      new Set(loket.services.map((service) => service.prefix)).size === loket.services.length,
    { message: 'two services have the same id or prefix', path: ['services'] },
  );

export type Loket = z.infer<typeof loketSchema>;
export type LoketDesk = Loket['desks'][number];
export type LoketService = Loket['services'][number];
