/**
 * The guest book at the Front Office (the kiosk, POST /loket/): who comes, for which service,
 * about what, and their consent. The services are content (content/loket.yaml), so the
 * schema is made from their ids.
 */
import * as v from 'valibot';
import {
  choice,
  consent,
  CONTACT_LIMITS,
  optionalPhone,
  optionalText,
  personName,
  requiredText,
} from './fields.ts';

export const GUEST_BOOK_LIMITS = { ...CONTACT_LIMITS, institution: 100, topic: 150 } as const;

export const GUEST_BOOK_LABELS = {
  name: 'Nama',
  phone: 'Nomor HP atau WhatsApp (opsional)',
  email: 'Email (opsional)',
  institution: 'Instansi atau pekerjaan (opsional)',
  purpose: 'Keperluan',
  topic: 'Topik singkat',
  consent: 'Saya setuju data di atas diproses untuk pelayanan ini',
} as const;

// The same test as the consultation form's, but the field may stay empty.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function guestBookSchema(serviceIds: readonly [string, ...string[]]) {
  return v.object({
    name: personName(GUEST_BOOK_LIMITS.name),
    phone: optionalPhone(),
    email: v.pipe(
      optionalText(GUEST_BOOK_LIMITS.email, 'email.tooLong'),
      v.check((value) => value === undefined || EMAIL.test(value), 'email.invalid'),
      v.transform((value) => value?.toLowerCase()),
    ),
    institution: optionalText(GUEST_BOOK_LIMITS.institution, 'institution.tooLong'),
    purpose: choice(serviceIds, 'purpose.required'),
    topic: requiredText(GUEST_BOOK_LIMITS.topic, {
      required: 'visitTopic.required',
      tooLong: 'topic.tooLong',
    }),
    consent: consent(),
  });
}

export type GuestBookEntry = v.InferOutput<ReturnType<typeof guestBookSchema>>;
