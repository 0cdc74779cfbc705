/**
 * POST /api/meetings: the citizen answers a meeting proposal from /status/ — chooses a slot
 * (both sides get the calendar invitation) or cancels with a reason. One click, so no fill
 * time is checked; the honeypot, the rate limit and the idempotency key are.
 */
import { Hono } from 'hono';
import { meetingAnswerSchema } from '../../schemas/message.ts';
import { openRequest } from '../domain/citizen-view.ts';
import { cancelMeeting, chooseSlot } from '../domain/meetings.ts';
import { refusal, submissionHandler } from '../http/submission.ts';
import type { Services } from '../services.ts';
import { conversationPage } from './messages.ts';

export function meetingRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: meetingAnswerSchema,
      kind: 'pertemuan',
      checkFillTime: false,
      save: async (input, meta) => {
        const request = await openRequest(services, input);
        if (!request) return refusal(404, input.kunci ? 'link_expired' : 'status_not_found');
        const meeting = (await services.store.meetingsOf(request.id)).find(
          (m) => m.id === input.meeting,
        );
        if (!meeting) return refusal(404, 'meeting_gone');
        const location = conversationPage(services, request, 'percakapan');
        const body = { reference: request.reference, meeting: meeting.id };
        if (meta.spam) return { replayed: false, queuedMail: false, body, location };
        const done =
          input.aksi === 'pilih'
            ? await chooseSlot(services, request, meeting, input.slot)
            : await cancelMeeting(services, request, meeting, { side: 'warga' }, input.reason);
        if (!done) return refusal(409, 'meeting_gone');
        return { replayed: false, queuedMail: true, body, location };
      },
    }),
  );
}
