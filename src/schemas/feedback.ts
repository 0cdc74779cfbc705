/** "Apakah halaman ini membantu?" under every page (POST /api/feedback); no personal data. */
import * as v from 'valibot';
import { optionalText, present } from './fields.ts';

export const FEEDBACK_LIMITS = { page: 200, comment: 500 } as const;

/** Where the answer comes from besides the page's own widget: a suggested FAQ answer on the consultation form. */
export const FEEDBACK_CONTEXTS = ['saran_konsultasi'] as const;

export type FeedbackContext = (typeof FEEDBACK_CONTEXTS)[number];

// A path on this site: starts with one "/", no scheme, host or "//" (the endpoint redirects
// back to it, so anything else would be an open redirect).
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~/%]*$/;

export const feedbackSchema = v.object({
  page: present(
    v.pipe(
      v.string('page.invalid'),
      v.maxLength(FEEDBACK_LIMITS.page, 'page.invalid'),
      v.regex(SITE_PATH, 'page.invalid'),
    ),
  ),
  helpful: present(
    v.pipe(
      v.union([v.boolean(), v.picklist(['ya', 'tidak'])], 'helpful.required'),
      v.transform((answer) => answer === true || answer === 'ya'),
    ),
  ),
  comment: optionalText(FEEDBACK_LIMITS.comment, 'comment.tooLong', true),
  context: v.optional(v.picklist(FEEDBACK_CONTEXTS, 'field.invalid')),
});

export type Feedback = v.InferOutput<typeof feedbackSchema>;

export const FEEDBACK_LABELS = {
  helpful: 'Apakah halaman ini membantu?',
  more: 'Tambahkan komentar (opsional)',
  comment: 'Apa yang kurang atau bisa diperbaiki? Jangan tulis nama, nomor HP atau email.',
} as const;
