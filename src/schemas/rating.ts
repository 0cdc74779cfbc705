/** The IKM service rating survey (POST /api/ratings), PermenPANRB 14/2017. */
import * as v from 'valibot';
import { optionalReference, optionalText, present } from './fields.ts';

export const RATING_LIMITS = { comment: 1000 } as const;

/** Field names of the nine answers, u1…u9, in the order of IKM_ELEMENTS (src/lib/ikm.ts). */
export const ANSWER_FIELDS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** The four answers of every element, from worst (1) to best (4). */
export const ANSWER_LABELS = ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'] as const;

/** Labels of the fields besides the answers, whose labels are the IKM_ELEMENTS names. */
export const RATING_LABELS = {
  reference: 'Nomor rujukan (opsional)',
  comment: 'Saran atau komentar (opsional)',
} as const;

// 1–4 as a JSON number or as the string a radio button sends.
const answer = present(
  v.pipe(v.union([v.picklist([1, 2, 3, 4]), v.picklist(['1', '2', '3', '4'])], 'answer.required'), v.transform(Number)),
);

export const ratingSchema = v.object({
  reference: optionalReference(),
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
