import { z } from 'astro/zod';

const displayedNumber = z.object({
  /** As printed for people, e.g. "0812-3456-7890". */
  display: z.string().min(6),
});

/** The office's facts: the only place they live (content/office.yaml). */
export const officeSchema = z.object({
  /**
   * The office's BPS area code (kode wilayah), e.g. "1403": the key of its rows when several
   * offices share one database. Never change it once requests are stored under it.
   */
  code: z.string().regex(/^\d{4}$/, 'code must be the four-digit BPS area code, in quotes'),
  /** Full name of the service unit, e.g. "Pelayanan Statistik Terpadu BPS Kabupaten …". */
  name: z.string().min(3),
  /** Short name for titles and the header. */
  shortName: z.string().min(3),
  /** The organisation, e.g. "BPS Kabupaten …"; the content linter compares office names with it. */
  organization: z.string().min(3),
  /** The regency or city served, e.g. "Kabupaten …". */
  region: z.string().min(3),
  /** Hierarchy line, top to bottom. */
  hierarchy: z.array(z.string().min(1)).min(1),
  address: z.object({
    street: z.string().min(1),
    district: z.string().min(1),
    regency: z.string().min(1),
    province: z.string().min(1),
    postcode: z.string().regex(/^\d{5}$/, 'postcode must be five digits, in quotes'),
    /** ISO 3166 country code. */
    country: z.string().length(2).default('ID'),
  }),
  phone: displayedNumber.extend({
    /** International form without spaces, e.g. "+62812…". */
    e164: z.string().regex(/^\+\d{8,15}$/, 'e164 must look like +62812…'),
  }),
  whatsapp: displayedNumber.extend({
    url: z.url(),
  }),
  email: z.email(),
  website: z.url(),
  serviceApp: z.object({ name: z.string().min(1), url: z.url() }),
  /**
   * Optional "HH:MM" (WIB): a request sent on a working day after this time counts from the
   * next working day. Default: none (a request counts from the day it arrives).
   */
  requestCutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'requestCutoff must look like "16:00"')
    .optional(),
  /** Targets for complaints, measured by the reports; the standard sets none. */
  complaintTargets: z.object({
    /** Working days from receipt to the first response of an officer. Default in content: 3. */
    firstResponseWorkingDays: z.number().int().min(1).max(60),
    /** Working days from receipt to the close. Default in content: 14. */
    closeWorkingDays: z.number().int().min(1).max(120),
  }),
  /** Days after a request closes before its personal data is erased (privacy page, sweeps). */
  retentionDays: z.number().int().min(1).max(36_500),
  /** Who processes personal data besides the office's staff (privacy page, UU 27/2022). */
  processors: z.array(z.object({ role: z.string().min(3), name: z.string().min(3) })).min(1),
  /** How the online conversation runs beyond what the standard fixes. */
  conversation: z.object({
    /** Days before the automatic close that the citizen is reminded ("percakapan akan ditutup"). */
    reminderDaysBefore: z.number().int().min(1).max(6),
    /** Days a request waits for its address to be confirmed before it is dropped and erased. */
    confirmWithinDays: z.number().int().min(1).max(30),
    /** Minutes a "Masuk" link mailed to a citizen stays valid (it works once). */
    signInLinkMinutes: z.number().int().min(5).max(60),
    /** Show the officer's first name to the citizen in the conversation (else "Petugas"). */
    showOfficerFirstName: z.boolean(),
  }),
  /** Public address of this site (no trailing slash): canonical URLs, sitemap, JSON-LD. */
  siteUrl: z.url().refine((url) => !url.endsWith('/'), 'siteUrl must not end with "/"'),
});

export type Office = z.infer<typeof officeSchema>;
