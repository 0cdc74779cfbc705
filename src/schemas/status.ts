/** "Cek status" (POST /api/status): reference plus the email given with the request. */
import * as v from 'valibot';
import { normalizeReference } from '../lib/reference.ts';
import { CONTACT_LIMITS, present, REFERENCE_MAX_LENGTH } from './fields.ts';

export const STATUS_LABELS = {
  reference: 'Nomor permintaan',
  email: 'Alamat email yang Anda pakai (kosongkan untuk pengaduan anonim)',
} as const;

export const statusQuerySchema = v.object({
  reference: present(
    v.pipe(
      v.string('reference.invalid'),
      v.trim(),
      v.check((value) => value !== '', 'reference.required'),
      v.maxLength(REFERENCE_MAX_LENGTH, 'reference.invalid'),
      v.transform(normalizeReference),
      v.string('reference.invalid'),
    ),
  ),
  // Optional: an anonymous complaint has no email, so its reference alone finds it.
  email: present(
    v.pipe(
      v.string('text.invalid'),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.email, 'email.tooLong'),
      v.toLowerCase(),
      v.transform((value) => value || undefined),
      v.optional(v.pipe(v.string(), v.email('email.invalid'))),
    ),
  ),
});

export type StatusQuery = v.InferOutput<typeof statusQuerySchema>;

/** What the status lookup answers (JSON), and what the status page draws. */
export interface StatusAnswer {
  reference: string;
  kind: 'konsultasi' | 'pengaduan';
  /** "Permintaan konsultasi" (src/lib/forms.ts). */
  kindLabel: string;
  status: string;
  statusLabel: string;
  dueDate: string;
  receivedAt: string;
  history: { at: string; status: string; statusLabel: string; reply: string | null }[];
  /** The rating form for this request, once it is closed. */
  rating: { href: string; label: string } | null;
}
