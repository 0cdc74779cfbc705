/** POST /api/feedback: "Apakah halaman ini membantu?" */
import { Hono } from 'hono';
import { feedbackSchema } from '../../schemas/feedback.ts';
import type { Services } from '../services.ts';
import { submissionHandler } from '../http/submission.ts';

export function feedbackRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: feedbackSchema,
      kind: 'umpan-balik',
      // One click on "Ya" can take less than a second; only the honeypot applies.
      checkFillTime: false,
      save: async (feedback, meta) => {
        const { outcome, createdAt } = await services.store.insertFeedback({
          idempotencyKey: meta.idempotencyKey,
          createdAt: meta.now.toISOString(),
          ...feedback,
          spam: meta.spam,
        });
        // Back to the same page; its #terima-kasih element is shown by CSS :target.
        return {
          replayed: outcome === 'replayed',
          queuedMail: false,
          body: { receivedAt: createdAt },
          location: `${feedback.page}#terima-kasih`,
        };
      },
    }),
  );
}
