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
  /** The personal link's key, instead of the email (/status/?ref=…&kunci=…). */
  kunci: v.optional(
    v.pipe(
      v.string('text.invalid'),
      v.trim(),
      v.maxLength(64, 'field.invalid'),
      v.transform((value) => value || undefined),
    ),
  ),
});

export type StatusQuery = v.InferOutput<typeof statusQuerySchema>;

/** One turn of the conversation, as the citizen reads it. */
export interface ThreadEntry {
  at: string;
  /** Who spoke: the citizen, an officer, or the service itself (status changes, the close). */
  who: 'anda' | 'petugas' | 'sistem';
  /** "Petugas" or the officer's first name when the office shows it. */
  name: string;
  /** A message (either side), or an event such as a status change or a meeting. */
  kind: 'pesan' | 'peristiwa';
  text: string;
}

export interface MeetingView {
  id: number;
  state: 'diusulkan' | 'dijadwalkan' | 'dibatalkan' | 'terlaksana' | 'tidak_terlaksana';
  stateLabel: string;
  slots: { id: number; label: string }[];
  /** The chosen slot, with where (address or video link). */
  chosen: { label: string; where: string; link: string | null } | null;
}

/** What the status lookup answers (JSON), and what the status page draws. */
export interface StatusAnswer {
  reference: string;
  kind: 'konsultasi' | 'pengaduan';
  /** "Permintaan konsultasi" (src/lib/forms.ts). */
  kindLabel: string;
  status: string;
  statusLabel: string;
  /** The due date now, and the one first set; `dueNote` says why they differ. */
  dueDate: string;
  originalDueDate: string;
  dueNote: string | null;
  receivedAt: string;
  /** The address is confirmed and the working days run. */
  emailConfirmed: boolean;
  /** The one line about what happens next. */
  nextStep: string;
  thread: ThreadEntry[];
  meetings: MeetingView[];
  /** The citizen may write back (the request is open). */
  canReply: boolean;
  /** "Lanjutkan lewat WhatsApp": the office's number with a text naming the request. */
  whatsapp: string;
  /** A closed request: a new consultation naming this one as the earlier request. */
  followUp: string | null;
  /** The rating form for this request, once it is closed and not yet rated. */
  rating: { href: string; label: string } | null;
}
