/**
 * POST /api/ratings: the IKM survey. A rating that names one of our requests counts once per
 * request (a second answers 409) and keeps where the service was given (online), so the IKM
 * can be shown per channel. From the invitation's link it also carries the personal key,
 * which must still open the request.
 */
import { Hono } from 'hono';
import { FORMS } from '../../lib/forms.ts';
import { isVisitReference } from '../../lib/reference.ts';
import { ANSWER_FIELDS, ratingSchema } from '../../schemas/rating.ts';
import { accessKeyMatches } from '../domain/access-keys.ts';
import type { Services } from '../services.ts';
import type { RatingChannel } from '../storage/store.ts';
import { refusal, submissionHandler } from '../http/submission.ts';

export function ratingRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: ratingSchema,
      kind: 'penilaian',
      checkFillTime: true,
      save: async (rating, meta) => {
        const request = rating.reference
          ? await services.store.findRequest(rating.reference)
          : null;
        if (
          rating.kunci !== undefined &&
          !accessKeyMatches(request?.accessKeyHash ?? null, rating.kunci)
        ) {
          return refusal(404, 'link_expired');
        }
        // A visit's reference (KJ-…, the ticket's rating link): the walk-in channel.
        const visit =
          rating.reference && isVisitReference(rating.reference)
            ? await services.store.findVisit({ reference: rating.reference })
            : null;
        const channel: RatingChannel | undefined = request
          ? 'online'
          : visit
            ? 'datang_langsung'
            : undefined;
        const { outcome, createdAt } = await services.store.insertRating({
          idempotencyKey: meta.idempotencyKey,
          createdAt: meta.now.toISOString(),
          reference: rating.reference,
          channel,
          answers: ANSWER_FIELDS.map((field) => rating[field]),
          comment: rating.comment,
          spam: meta.spam,
        });
        if (outcome === 'already_rated') return refusal(409, 'already_rated');
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
