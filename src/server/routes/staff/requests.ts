/** /api/staff/requests: list, read, reply to and change the status of requests. */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { normalizeReference } from '../../../lib/reference.ts';
import { actOnRequest } from '../../domain/request-actions.ts';
import { jsonError } from '../../http/errors.ts';
import { preferredLanguage } from '../../http/language.ts';
import { validBody, validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';
import type { RequestStatus, StoredRequest } from '../../storage/store.ts';
import { listQuerySchema, staffView, statusField, toFilter, todayIn } from './request-list.ts';

const REPLY_MAX = 4000;
const NOTE_MAX = 1000;

const note = v.optional(
  v.pipe(v.string('text.invalid'), v.trim(), v.maxLength(NOTE_MAX, 'note.tooLong')),
);

const replySchema = v.object({
  message: v.pipe(
    v.string('reply.required'),
    v.trim(),
    v.minLength(1, 'reply.required'),
    v.maxLength(REPLY_MAX, 'reply.tooLong'),
  ),
  /** Default: the request now waits on the citizen (and closes itself after the standard's days). */
  status: v.optional(statusField, 'menunggu_pengguna'),
  note,
});

const statusChangeSchema = v.object({ status: statusField, note });

const language = (c: Context) => preferredLanguage(c.req.header('accept-language'));

export function requestRoutes(services: Services): Hono {
  const { store, clock } = services;
  const routes = new Hono();

  /** The request named in the path, or the 404 answer. */
  async function requestIn(c: Context): Promise<StoredRequest | Response> {
    const typed = c.req.param('reference') ?? '';
    const request = await store.findRequest(normalizeReference(typed) ?? typed);
    return request ?? jsonError(c, 404, 'not_found', language(c));
  }

  async function change(
    c: Context,
    request: StoredRequest,
    to: RequestStatus,
    reply?: string,
    note?: string,
  ) {
    const outcome = await actOnRequest(
      services,
      request,
      { seen: { status: request.status }, to, reply, note },
      { staffId: null, audit: reply === undefined ? 'ubah-status' : 'balas' },
    );
    if (outcome.ok) return c.json(staffView(outcome.request, todayIn(clock.now())));
    // A change made between reading and writing answers as a transition that is no longer possible.
    const code = outcome.reason === 'request_erased' ? 'request_erased' : 'invalid_transition';
    return jsonError(c, 409, code, language(c));
  }

  routes.get('/', async (c) => {
    const query = validQuery(c, listQuerySchema);
    if (query instanceof Response) return query;
    const { total, items } = await store.listRequests(toFilter(query));
    const today = todayIn(clock.now());
    return c.json({ total, items: items.map((item) => staffView(item, today)) });
  });

  routes.get('/:reference', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const [history, mail] = await Promise.all([
      store.history(request.id),
      store.listOutbox({ pendingOnly: false, requestId: request.id }),
    ]);
    return c.json({ ...staffView(request, todayIn(clock.now())), history, mail });
  });

  routes.post('/:reference/replies', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const body = await validBody(c, replySchema);
    if (body instanceof Response) return body;
    return change(c, request, body.status, body.message, body.note);
  });

  routes.post('/:reference/status', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const body = await validBody(c, statusChangeSchema);
    if (body instanceof Response) return body;
    return change(c, request, body.status, undefined, body.note);
  });

  return routes;
}
