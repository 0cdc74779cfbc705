/** The consultation request form (POST /api/consultations). */
import * as v from 'valibot';
import {
  choice,
  consent,
  CONTACT_LIMITS,
  email,
  optionalPhone,
  optionalReference,
  personName,
  requiredText,
} from './fields.ts';

export const CONSULTATION_LIMITS = { ...CONTACT_LIMITS, topic: 150, question: 4000 } as const;

/**
 * /konsultasi/?pertanyaan=…: a search that found no answer carries the citizen's words into
 * the question (filled by the island, and by the server for a page without JavaScript).
 */
export const QUESTION_PARAMETER = 'pertanyaan';

/** How the citizen wants the consultation followed up (steps 12 of the online procedure). */
export const CHANNELS = ['percakapan_online', 'datang_langsung', 'pertemuan_video'] as const;

export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  percakapan_online: 'Balasan tertulis lewat email',
  datang_langsung: 'Datang langsung ke kantor',
  pertemuan_video: 'Rapat video (Zoom)',
};

export const CONSULTATION_LABELS = {
  name: 'Nama lengkap',
  email: 'Alamat email',
  phone: 'Nomor HP/WhatsApp (opsional)',
  topic: 'Topik',
  question: 'Pertanyaan Anda',
  channel: 'Tindak lanjut yang Anda inginkan',
  consent: 'Saya setuju data saya diproses untuk menjawab konsultasi ini',
  reference: 'Nomor permintaan sebelumnya (opsional)',
} as const;

/** The address parameter a closed request's "Ajukan permintaan baru" link names it with. */
export const RELATED_PARAMETER = 'terkait';

export const consultationSchema = v.object({
  name: personName(CONSULTATION_LIMITS.name),
  email: email(),
  phone: optionalPhone(),
  topic: requiredText(CONSULTATION_LIMITS.topic, {
    required: 'topic.required',
    tooLong: 'topic.tooLong',
  }),
  question: requiredText(
    CONSULTATION_LIMITS.question,
    { required: 'question.required', tooLong: 'question.tooLong' },
    true,
  ),
  channel: choice(CHANNELS, 'channel.required'),
  consent: consent(),
  reference: optionalReference(),
});

export type Consultation = v.InferOutput<typeof consultationSchema>;
