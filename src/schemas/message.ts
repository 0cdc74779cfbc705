/**
 * The citizen writes back from /status/ (POST /api/messages), and answers a meeting proposal
 * (POST /api/meetings). Both name the request by its number and prove they may speak for it
 * with the email given with it, or the personal link's key (`kunci`).
 */
import * as v from 'valibot';
import { CONTACT_LIMITS, present, REFERENCE_MAX_LENGTH, requiredText } from './fields.ts';
import { normalizeReference } from '../lib/reference.ts';

export const MESSAGE_LIMITS = { message: 4000, reason: 500 } as const;

export const MESSAGE_LABELS = {
  message: 'Pesan Anda untuk petugas',
  reason: 'Alasan pembatalan',
} as const;

const reference = present(
  v.pipe(
    v.string('reference.invalid'),
    v.trim(),
    v.check((value) => value !== '', 'reference.required'),
    v.maxLength(REFERENCE_MAX_LENGTH, 'reference.invalid'),
    v.transform(normalizeReference),
    v.string('reference.invalid'),
  ),
);

/** Who speaks for the request: its email, or the personal link's key; both may be empty (anonymous complaints). */
const credentials = {
  reference,
  email: v.optional(
    v.pipe(
      v.string('text.invalid'),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.email, 'email.tooLong'),
      v.toLowerCase(),
      v.transform((value) => value || undefined),
    ),
  ),
  kunci: v.optional(
    v.pipe(
      v.string('text.invalid'),
      v.trim(),
      v.maxLength(64, 'field.invalid'),
      v.transform((value) => value || undefined),
    ),
  ),
};

export const messageSchema = v.object({
  ...credentials,
  message: requiredText(
    MESSAGE_LIMITS.message,
    { required: 'message.required', tooLong: 'message.tooLong' },
    true,
  ),
});

export type MessageInput = v.InferOutput<typeof messageSchema>;

/** What the citizen types; the credentials come with the page, not from the form's fields. */
// v.object rather than v.pick: the islands' shared valibot chunk has it already.
export const typedMessageSchema = v.object({ message: messageSchema.entries.message });

export const meetingAnswerSchema = v.variant(
  'aksi',
  [
    v.object({
      ...credentials,
      aksi: v.literal('pilih'),
      meeting: v.pipe(v.string('field.invalid'), v.digits('field.invalid'), v.transform(Number)),
      slot: present(
        v.pipe(v.string('slot.required'), v.digits('slot.required'), v.transform(Number)),
      ),
    }),
    v.object({
      ...credentials,
      aksi: v.literal('batal'),
      meeting: v.pipe(v.string('field.invalid'), v.digits('field.invalid'), v.transform(Number)),
      reason: requiredText(MESSAGE_LIMITS.reason, {
        required: 'reason.required',
        tooLong: 'reason.tooLong',
      }),
    }),
  ],
  'field.invalid',
);

export type MeetingAnswer = v.InferOutput<typeof meetingAnswerSchema>;

export type Credentials = { reference: string; email?: string; kunci?: string };

/** The credentials a post carried (hidden fields), to carry them on; null without a number. */
export function credentialsOf(values: Readonly<Record<string, unknown>> = {}): Credentials | null {
  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string).trim() : '';
  const typed = text('reference');
  const reference = normalizeReference(typed) ?? typed;
  if (!reference) return null;
  return {
    reference,
    ...(text('kunci') ? { kunci: text('kunci') } : {}),
    ...(text('email') ? { email: text('email').toLowerCase() } : {}),
  };
}
