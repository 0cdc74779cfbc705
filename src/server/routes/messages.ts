/**
 * POST /api/messages: the citizen writes back from /status/. The same path as every form
 * (origin, body, rate limit, idempotency, validation, spam checks); the request is opened by
 * its email or the personal link's key. A request waiting on the citizen goes back to
 * "diproses", a suspended clock starts again with a new due date, staff are told by mail.
 * A closed request takes no more messages: the answer links to a new consultation.
 */
import { Hono } from 'hono';
import { FORMS } from '../../lib/forms.ts';
import { dueDate } from '../../lib/working-days.ts';
import { messageSchema } from '../../schemas/message.ts';
import { accessKeyFor } from '../domain/access-keys.ts';
import { followUpFor, openRequest } from '../domain/citizen-view.ts';
import { refusal, submissionHandler } from '../http/submission.ts';
import { citizenMessageNotice } from '../mail/compose.ts';
import { dueDateRule, mailContext, type AppDeps, type Services } from '../services.ts';
import type { StoredRequest } from '../storage/store.ts';

/** Back to the conversation: by the personal link when the request has one. */
export function conversationPage(
  services: AppDeps,
  request: StoredRequest,
  anchor: string,
): string {
  const query = new URLSearchParams({ ref: request.reference });
  if (request.accessKeyHash)
    query.set('kunci', accessKeyFor(services.config.linkSecret, request.reference));
  return `${FORMS.status.page}?${query}#${anchor}`;
}

export function messageRoutes(services: Services): Hono {
  const { store, holidays, config } = services;
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: messageSchema,
      kind: 'pesan',
      checkFillTime: true,
      save: async (input, meta) => {
        const request = await openRequest(services, input);
        if (!request) return refusal(404, input.kunci ? 'link_expired' : 'status_not_found');
        if (request.status === 'selesai')
          return refusal(409, 'request_closed', followUpFor(request.reference));
        const location = conversationPage(services, request, 'percakapan');
        const body = { reference: request.reference };
        // A bot's post is answered like anyone's and kept nowhere: a message has no spam queue.
        if (meta.spam) return { replayed: false, queuedMail: false, body, location };
        const outcome = await store.addCitizenMessage(
          {
            requestId: request.id,
            message: input.message,
            at: meta.now.toISOString(),
            idempotencyKey: meta.idempotencyKey,
            resumedDueDate: request.clockSuspended
              ? dueDate(meta.now, holidays, dueDateRule(services))
              : null,
          },
          [citizenMessageNotice(request, mailContext(services), config.staffEmail)],
        );
        if (outcome === 'closed')
          return refusal(409, 'request_closed', followUpFor(request.reference));
        return {
          replayed: outcome === 'replayed',
          queuedMail: outcome === 'created',
          body,
          location,
        };
      },
    }),
  );
}
