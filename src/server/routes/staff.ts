/**
 * /api/staff/*: the staff's work on requests, behind `Authorization: Bearer $STAFF_TOKEN`.
 * While STAFF_TOKEN is unset the whole API answers 404, as if it did not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { normalizeReference } from '../../lib/reference.ts';
import { addDays, jakartaDateTime, jakartaMidnight } from '../../lib/working-days.ts';
import { toCsv } from '../csv.ts';
import { jsonError, validationError } from '../errors.ts';
import { readBody } from '../form-body.ts';
import { preferredLanguage } from '../language.ts';
import { canChangeStatus, STATUS_LABELS, STATUSES } from '../lifecycle.ts';
import { replyMails } from '../mail/compose.ts';
import { mailContext, type Services } from '../services.ts';
import type { RequestFilter, RequestStatus, StoredRequest } from '../storage/store.ts';

const REPLY_MAX = 4000;
const NOTE_MAX = 1000;
const PAGE_MAX = 500;

const status = v.picklist(STATUSES, 'status.invalid');
const note = v.optional(
  v.pipe(v.string('text.invalid'), v.trim(), v.maxLength(NOTE_MAX, 'note.tooLong')),
);
const isoDate = v.optional(v.pipe(v.string(), v.isoDate('field.invalid')));
const count = (max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.digits('field.invalid'),
      v.transform(Number),
      v.maxValue(max, 'field.invalid'),
    ),
  );

const replySchema = v.object({
  message: v.pipe(
    v.string('reply.required'),
    v.trim(),
    v.minLength(1, 'reply.required'),
    v.maxLength(REPLY_MAX, 'reply.tooLong'),
  ),
  /** Default: the request now waits on the citizen (and closes itself after 7 days). */
  status: v.optional(status, 'menunggu_pengguna'),
  note,
});

const statusChangeSchema = v.object({ status, note });

const erasureSchema = v.pipe(
  v.object({
    reference: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase())),
    email: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase())),
  }),
  v.check((target) => Boolean(target.reference) !== Boolean(target.email), 'erasure.target'),
);

const listQuerySchema = v.object({
  /** Comma-separated statuses. */
  status: v.optional(
    v.pipe(
      v.string(),
      v.transform((list) => list.split(',').filter(Boolean)),
      v.array(status),
    ),
  ),
  kind: v.optional(v.picklist(['konsultasi', 'pengaduan'], 'field.invalid')),
  /** Due on or before this date (use today's date for "due or overdue"). */
  due_by: isoDate,
  /** Received from / to (inclusive) these dates, Asia/Jakarta. */
  from: isoDate,
  to: isoDate,
  spam: v.optional(v.picklist(['exclude', 'only', 'include'], 'field.invalid'), 'exclude'),
  limit: count(PAGE_MAX),
  offset: count(Number.MAX_SAFE_INTEGER),
  /** CSV only: "semicolon" for Excel with Indonesian regional settings. */
  sep: v.optional(v.picklist(['comma', 'semicolon'], 'field.invalid'), 'comma'),
});

type ListQuery = v.InferOutput<typeof listQuerySchema>;

/** Hashing first makes both sides the same length, so the comparison time reveals nothing. */
function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function toFilter(query: ListQuery): RequestFilter {
  return {
    status: query.status,
    kind: query.kind,
    dueOnOrBefore: query.due_by,
    createdFrom: query.from && jakartaMidnight(query.from).toISOString(),
    createdBefore: query.to && jakartaMidnight(addDays(query.to, 1)).toISOString(),
    spam: query.spam,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  };
}

/** "2026-11-02 10:15" in Asia/Jakarta. */
function jakartaTimestamp(iso: string): string {
  const { date, minutes } = jakartaDateTime(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function isOverdue(request: StoredRequest, today: string): boolean {
  return request.status !== 'selesai' && request.dueDate < today;
}

const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');

/** The CSV export's columns: header, and the cell of a request (given today's date). */
const CSV_COLUMNS: readonly [
  string,
  (request: StoredRequest, today: string) => string | undefined,
][] = [
  ['nomor_permintaan', (r) => r.reference],
  ['jenis', (r) => r.kind],
  ['status', (r) => r.status],
  ['diterima_wib', (r) => jakartaTimestamp(r.createdAt)],
  ['batas_waktu', (r) => r.dueDate],
  ['terlambat', (r, today) => yesNo(isOverdue(r, today))],
  ['nama', (r) => r.name],
  ['email', (r) => r.email],
  ['telepon', (r) => r.phone],
  ['tindak_lanjut', (r) => r.channel],
  ['topik', (r) => r.topic],
  ['pertanyaan', (r) => r.question],
  ['kategori', (r) => r.category],
  ['identitas', (r) => r.identity],
  ['isi_pengaduan', (r) => r.description],
  ['nomor_permintaan_terkait', (r) => r.relatedReference],
  ['spam', (r) => yesNo(r.spam)],
  ['data_dihapus', (r) => (r.erasedAt ? jakartaTimestamp(r.erasedAt) : '')],
];

export function staffRoutes(services: Services): Hono {
  const { store, clock, config, office } = services;
  const routes = new Hono();
  const language = (c: Context) => preferredLanguage(c.req.header('accept-language'));
  const today = () => jakartaDateTime(clock.now()).date;

  /** A request as staff see it; `todayDate` decides whether it is overdue. */
  const view = (request: StoredRequest, todayDate: string) => {
    const { id: _id, idempotencyKey: _key, ...fields } = request;
    return {
      ...fields,
      statusLabel: STATUS_LABELS.id[request.status],
      overdue: isOverdue(request, todayDate),
    };
  };

  /** Validated JSON (or form) body, or the error answer. */
  async function input<T>(c: Context, schema: v.GenericSchema<unknown, T>): Promise<T | Response> {
    const body = await readBody(c.req);
    if (!body.ok) return jsonError(c, body.status, body.code, language(c));
    const parsed = v.safeParse(schema, body.values);
    if (parsed.success) return parsed.output;
    return validationError(c, 422, parsed.issues, language(c));
  }

  function query(c: Context): ListQuery | Response {
    const parsed = v.safeParse(listQuerySchema, c.req.query());
    if (parsed.success) return parsed.output;
    return validationError(c, 400, parsed.issues, language(c));
  }

  async function change(
    c: Context,
    request: StoredRequest,
    to: RequestStatus,
    reply?: string,
    note?: string,
  ) {
    if (!canChangeStatus(request.status, to, reply !== undefined)) {
      return jsonError(c, 409, 'invalid_transition', language(c));
    }
    const mails = reply === undefined ? [] : replyMails(request, reply, to, mailContext(services));
    const at = clock.now().toISOString();
    const changed = await store.changeStatus(
      { requestId: request.id, from: request.status, to, at, actor: 'petugas', reply, note },
      mails,
    );
    // Someone else changed the request between reading and writing it.
    if (!changed) return jsonError(c, 409, 'invalid_transition', language(c));
    if (mails.length > 0) services.nudgeOutbox();
    return c.json(view((await store.findRequest(request.reference)) ?? request, today()));
  }

  /** The request named in the path, or the 404 answer. */
  async function requestIn(c: Context): Promise<StoredRequest | Response> {
    const typed = c.req.param('reference') ?? '';
    const request = await store.findRequest(normalizeReference(typed) ?? typed);
    return request ?? jsonError(c, 404, 'not_found', language(c));
  }

  routes.use('*', async (c, next) => {
    if (!config.staffToken) return jsonError(c, 404, 'not_found', language(c));
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!tokensMatch(given, config.staffToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', language(c));
    }
    await next();
  });

  routes.get('/requests', async (c) => {
    const parsed = query(c);
    if (parsed instanceof Response) return parsed;
    const { total, items } = await store.listRequests(toFilter(parsed));
    const todayDate = today();
    return c.json({ total, items: items.map((item) => view(item, todayDate)) });
  });

  routes.get('/requests/:reference', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const [history, mail] = await Promise.all([
      store.history(request.id),
      store.listOutbox({ pendingOnly: false, requestId: request.id }),
    ]);
    return c.json({ ...view(request, today()), history, mail });
  });

  routes.post('/requests/:reference/replies', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const body = await input(c, replySchema);
    if (body instanceof Response) return body;
    return change(c, request, body.status, body.message, body.note);
  });

  routes.post('/requests/:reference/status', async (c) => {
    const request = await requestIn(c);
    if (request instanceof Response) return request;
    const body = await input(c, statusChangeSchema);
    if (body instanceof Response) return body;
    return change(c, request, body.status, undefined, body.note);
  });

  // UU 27/2022 (PDP) right to erasure: one request by reference, or everything for an email.
  routes.post('/erasure', async (c) => {
    const body = await input(c, erasureSchema);
    if (body instanceof Response) return body;
    const target = body.reference ? { reference: body.reference } : { email: body.email ?? '' };
    const erased = await store.erasePersonalData(
      target,
      clock.now().toISOString(),
      'petugas',
      'Data pribadi dihapus atas permintaan',
    );
    return c.json({ erased });
  });

  routes.get('/export.csv', async (c) => {
    const parsed = query(c);
    if (parsed instanceof Response) return parsed;
    const { items } = await store.listRequests({
      ...toFilter(parsed),
      limit: undefined,
      offset: undefined,
    });
    const todayDate = today();
    const header = CSV_COLUMNS.map(([name]) => name);
    const rows = items.map((request) => CSV_COLUMNS.map(([, read]) => read(request, todayDate)));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="permintaan-${todayDate}.csv"`);
    return c.body(toCsv(header, rows, parsed.sep === 'semicolon' ? ';' : ','));
  });

  // Which pages do not help (most "Tidak" first) and how often a suggested answer spared a request.
  routes.get('/feedback', async (c) => {
    const parsed = query(c);
    if (parsed instanceof Response) return parsed;
    const { createdFrom } = toFilter(parsed);
    return c.json({ items: await store.feedbackSummary({ from: createdFrom }) });
  });

  routes.get('/outbox', async (c) => {
    const pendingOnly = c.req.query('pending') === '1';
    return c.json({ items: await store.listOutbox({ pendingOnly }) });
  });

  return routes;
}
