/** POST /api/ratings: the IKM survey. */
import { Hono } from 'hono';
import { FORMS } from '../../lib/forms.ts';
import { ANSWER_FIELDS, ratingSchema } from '../../schemas/rating.ts';
import type { Services } from '../services.ts';
import { submissionHandler } from '../http/submission.ts';

export function ratingRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: ratingSchema,
      kind: 'penilaian',
      checkFillTime: true,
      save: async (rating, meta) => {
        const { outcome, createdAt } = await services.store.insertRating({
          idempotencyKey: meta.idempotencyKey,
          createdAt: meta.now.toISOString(),
          reference: rating.reference,
          answers: ANSWER_FIELDS.map((field) => rating[field]),
          comment: rating.comment,
          spam: meta.spam,
        });
        return {
          replayed: outcome === 'replayed',
          queuedMail: false,
          body: { receivedAt: createdAt },
          location: FORMS.penilaian.confirmation,
        };
      },
    }),
  );
}
