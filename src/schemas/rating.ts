/** The IKM service rating survey (POST /api/ratings), PermenPANRB 14/2017. */
import * as v from 'valibot';
import { optionalReference, optionalText, present } from './fields.ts';

export const RATING_LIMITS = { comment: 1000 } as const;

/** Field names of the nine answers, u1…u9, in the order of IKM_ELEMENTS (src/lib/ikm.ts). */
export const ANSWER_FIELDS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** Labels of the fields besides the answers, whose labels are the IKM_ELEMENTS names. */
export const RATING_LABELS = {
  reference: 'Nomor permintaan (opsional)',
  comment: 'Saran atau komentar (opsional)',
} as const;

// 1–4 as a JSON number or as the string a radio button sends.
const answer = present(
  v.pipe(
    v.union([v.picklist([1, 2, 3, 4]), v.picklist(['1', '2', '3', '4'])], 'answer.required'),
    v.transform(Number),
  ),
);

export const ratingSchema = v.object({
  reference: optionalReference(),
  /** The personal link's key, when the rating came from the invitation mailed with it. */
  kunci: v.optional(
    v.pipe(
      v.string('text.invalid'),
      v.trim(),
      v.maxLength(64, 'field.invalid'),
      v.transform((value) => value || undefined),
    ),
  ),
  u1: answer,
  u2: answer,
  u3: answer,
  u4: answer,
  u5: answer,
  u6: answer,
  u7: answer,
  u8: answer,
  u9: answer,
  comment: optionalText(RATING_LIMITS.comment, 'comment.tooLong', true),
});

export type Rating = v.InferOutput<typeof ratingSchema>;

/**
 * The survey as the citizen reads it: one question per element (same order as
 * ANSWER_FIELDS and IKM_ELEMENTS) with its own four answers from 1 to 4, worded as in the
 * sample questionnaire of PermenPANRB 14/2017.
 */
export const RATING_QUESTIONS: Record<
  AnswerField,
  { question: string; answers: readonly [string, string, string, string] }
> = {
  u1: {
    question: 'Apakah persyaratan pelayanan sesuai dengan jenis pelayanannya?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u2: {
    question: 'Seberapa mudah prosedur pelayanannya?',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  u3: {
    question: 'Seberapa cepat waktu pelayanannya?',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  u4: {
    question: 'Bagaimana biaya/tarif pelayanannya?',
    answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  u5: {
    question: 'Apakah hasil pelayanan sesuai dengan yang dijanjikan di standar pelayanan?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u6: {
    question: 'Bagaimana kemampuan petugas dalam melayani?',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  u7: {
    question: 'Bagaimana kesopanan dan keramahan petugas?',
    answers: [
      'Tidak sopan dan ramah',
      'Kurang sopan dan ramah',
      'Sopan dan ramah',
      'Sangat sopan dan ramah',
    ],
  },
  u8: {
    question: 'Bagaimana sarana dan prasarana pelayanan (ruang layanan, situs web, aplikasi)?',
    answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
  u9: {
    question: 'Bagaimana penanganan pengaduan, saran dan masukan?',
    answers: [
      'Tidak ada',
      'Ada tetapi tidak berfungsi',
      'Berfungsi kurang maksimal',
      'Dikelola dengan baik',
    ],
  },
};
