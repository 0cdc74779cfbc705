/**
 * The path every public form post takes: origin check, body (size, type, encoding), rate
 * limit, idempotency key, validation, spam heuristics, save, answer. One route, two
 * representations: JSON for islands and scripts; for a plain HTML form a 303 to the
 * confirmation page, or an HTML page with the errors and the form filled in again.
 */
import type { Context, Handler } from 'hono';
import * as v from 'valibot';
import { fieldErrors, MESSAGES_ID, type Language } from '../../schemas/messages.ts';
import { errorBody, errorMessage, jsonError, validationError, type ErrorCode } from './errors.ts';
import { readBody } from './form-body.ts';
import { allowedSiteOrigin, clientIp, isSameSiteOrAllowed } from './guards.ts';
import { FORMS, type FormKind } from '../../lib/forms.ts';
import { feedbackSchema } from '../../schemas/feedback.ts';
import { renderFormPage } from '../pages/FormPage.tsx';
import { renderNoticePage } from '../pages/NoticePage.tsx';
import { preferredLanguage } from './language.ts';
import { pageLook, type Services } from '../services.ts';
import { StoreUnavailableError } from '../storage/store.ts';

export interface Received {
  values: Record<string, unknown>;
  /** Answer with HTML (a plain form post) rather than JSON. */
  html: boolean;
  language: Language;
  /** '' or the allowed origin of a separately hosted site the post came from. */
  siteOrigin: string;
}

type Answering = Pick<Received, 'html' | 'language' | 'siteOrigin'>;

export interface SubmissionMeta {
  idempotencyKey: string | null;
  /** Stored, but flagged and never mailed: the sender gets the usual answer. */
  spam: boolean;
  now: Date;
}

export interface Saved {
  replayed: boolean;
  /** Mail was queued: send it now rather than at the next sweep. */
  queuedMail: boolean;
  body: Record<string, unknown>;
  /** The site page a plain form post is sent on to (303). */
  location: string;
}

/** The post is valid but cannot be taken (a closed request, a second rating): 4xx, nothing stored. */
export interface Refused {
  refused: {
    status: 404 | 409;
    code: ErrorCode;
    /** Where the citizen can go on instead (a new request naming this one). */
    followUp?: string;
  };
}

export interface SubmissionRoute<Output> {
  schema: v.GenericSchema<unknown, Output>;
  kind: FormKind;
  /** The minimum fill time applies (not to one-click forms such as page feedback). */
  checkFillTime: boolean;
  save(input: Output, meta: SubmissionMeta): Promise<Saved | Refused>;
}

export const refusal = (status: 404 | 409, code: ErrorCode, followUp?: string): Refused => ({
  refused: { status, code, ...(followUp ? { followUp } : {}) },
});

const NOTICE_TITLE = 'Formulir belum terkirim';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The site page a plain post goes back to: the form's page, or the page feedback is about. */
export function backHref(kind: FormKind, values: Record<string, unknown>): string {
  const page = FORMS[kind].page;
  if (page !== null) return page;
  // Only one of our own paths: anything else would make the link an open redirect.
  return v.is(feedbackSchema.entries.page, values.page) ? String(values.page) : '/';
}

function refuse(
  c: Context,
  services: Services,
  kind: FormKind,
  answering: Answering & { values?: Record<string, unknown> },
  status: 400 | 403 | 413 | 415 | 429,
  code: ErrorCode,
): Response {
  if (!answering.html) return jsonError(c, status, code, answering.language);
  const look = pageLook(services, answering.siteOrigin);
  const message = errorMessage(code, 'id');
  // With the values read, the form comes back filled in; before that, only a way back.
  const page = answering.values
    ? renderFormPage({
        kind,
        values: answering.values,
        errors: { form: message },
        look,
        backHref: backHref(kind, answering.values),
      })
    : renderNoticePage({ title: NOTICE_TITLE, message, backHref: backHref(kind, {}), look });
  return c.html(page, status);
}

/** Everything up to validation; a Response when the post is refused on the way. */
export async function receive(
  c: Context,
  services: Services,
  kind: FormKind,
): Promise<Received | Response> {
  const { config } = services;
  const accept = c.req.header('accept') ?? '';
  const wantsJson = accept.includes('application/json');
  const language = preferredLanguage(c.req.header('accept-language'));
  const siteOrigin = allowedSiteOrigin(c, config);
  // Before the body is read only Accept tells a browser page from a script.
  const early: Answering = {
    html: !wantsJson && accept.includes('text/html'),
    language,
    siteOrigin,
  };

  if (!isSameSiteOrAllowed(c, config))
    return refuse(c, services, kind, early, 403, 'forbidden_origin');
  const body = await readBody(c.req);
  if (!body.ok) return refuse(c, services, kind, early, body.status, body.code);

  const received: Received = {
    values: body.values,
    html: body.encoding === 'form' && !wantsJson,
    language,
    siteOrigin,
  };
  const wait = services.limiter.hit(clientIp(c, config));
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return refuse(c, services, kind, received, 429, 'rate_limited');
  }
  return received;
}

export function validationFailed(
  c: Context,
  services: Services,
  kind: FormKind,
  received: Received,
  issues: readonly v.BaseIssue<unknown>[],
): Response {
  if (!received.html) return validationError(c, 422, issues, received.language);
  // The HTML pages are Indonesian, like the site; JSON follows Accept-Language.
  const errors = fieldErrors(issues, MESSAGES_ID);
  const page = renderFormPage({
    kind,
    values: received.values,
    errors,
    look: pageLook(services, received.siteOrigin),
    backHref: backHref(kind, received.values),
  });
  return c.html(page, 422);
}

/** A valid post that cannot be taken: the form again with the message (and the way on). */
function refused(
  c: Context,
  services: Services,
  kind: FormKind,
  received: Received,
  { refused: { status, code, followUp } }: Refused,
): Response {
  if (!received.html) {
    return c.json(
      { error: { ...errorBody(code, received.language).error, ...(followUp ? { followUp } : {}) } },
      status,
    );
  }
  const page = renderFormPage({
    kind,
    values: received.values,
    errors: { form: errorMessage(code, 'id') },
    followUp,
    look: pageLook(services, received.siteOrigin),
    backHref: backHref(kind, received.values),
  });
  return c.html(page, status);
}

// Long enough for a lock held by a backup or a second process to pass; short enough to retry soon.
const RETRY_AFTER_SECONDS = 10;

/**
 * The database cannot store the post just now (locked, full): 503 with Retry-After, the form
 * again with what was typed, and the post does not count against the sender's rate limit.
 * The log names SQLite's error code, never the post's content.
 */
export function unavailable(
  c: Context,
  services: Services,
  kind: FormKind,
  received: Received,
  error: StoreUnavailableError,
): Response {
  console.error(`${c.req.method} ${c.req.path}: database unavailable (${error.code})`);
  services.limiter.release(clientIp(c, services.config));
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  if (!received.html) return jsonError(c, 503, 'unavailable', received.language);
  const page = renderFormPage({
    kind,
    values: received.values,
    errors: { form: errorMessage('unavailable', 'id') },
    look: pageLook(services, received.siteOrigin),
    backHref: backHref(kind, received.values),
  });
  return c.html(page, 503);
}

/** The key from the Idempotency-Key header or the hidden field; undefined when malformed. */
function idempotencyKey(c: Context, values: Record<string, unknown>): string | null | undefined {
  const key = c.req.header('idempotency-key') ?? values.idempotency_key;
  if (key === undefined || key === null || key === '') return null;
  return typeof key === 'string' && IDEMPOTENCY_KEY.test(key) ? key : undefined;
}

/** The spam fields hold text (or, for the start time, a number), nothing nested. */
function spamFieldsReadable(values: Record<string, unknown>): boolean {
  const { website, form_started_at: startedAt } = values;
  return (
    (website === undefined || typeof website === 'string') &&
    (startedAt === undefined || typeof startedAt === 'string' || typeof startedAt === 'number')
  );
}

/**
 * Honeypot: the hidden `website` field, empty from people, filled by bots. Fill time:
 * `form_started_at` (ms since epoch), set by the island when the form appears, or stamped by
 * the server into the page it serves a browser without JavaScript. Every page of the site
 * sends both, so a post that leaves one out did not come from it, JSON included.
 */
function looksLikeSpam(
  values: Record<string, unknown>,
  now: Date,
  minFillMs: number,
  checkFillTime: boolean,
): boolean {
  if (typeof values.website !== 'string' || values.website.trim() !== '') return true;
  if (!checkFillTime) return false;
  const startedAt = Number(values.form_started_at);
  if (
    values.form_started_at === undefined ||
    values.form_started_at === '' ||
    !Number.isFinite(startedAt)
  ) {
    return true;
  }
  const elapsed = now.getTime() - startedAt;
  // Negative: the browser's clock is ahead, which says nothing about the sender.
  return elapsed >= 0 && elapsed < minFillMs;
}

export function submissionHandler<Output>(
  services: Services,
  route: SubmissionRoute<Output>,
): Handler {
  return async (c) => {
    const received = await receive(c, services, route.kind);
    if (received instanceof Response) return received;

    const key = idempotencyKey(c, received.values);
    if (key === undefined)
      return refuse(c, services, route.kind, received, 400, 'invalid_idempotency_key');
    if (!spamFieldsReadable(received.values))
      return refuse(c, services, route.kind, received, 400, 'malformed_json');

    const parsed = v.safeParse(route.schema, received.values);
    if (!parsed.success) return validationFailed(c, services, route.kind, received, parsed.issues);

    const now = services.clock.now();
    const spam = looksLikeSpam(
      received.values,
      now,
      services.config.minFillMs,
      route.checkFillTime,
    );
    let saved: Saved | Refused;
    try {
      saved = await route.save(parsed.output, { idempotencyKey: key, spam, now });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return unavailable(c, services, route.kind, received, error);
    }
    if ('refused' in saved) return refused(c, services, route.kind, received, saved);
    if (saved.queuedMail) services.nudgeOutbox();

    if (received.html) return c.redirect(received.siteOrigin + saved.location, 303);
    if (saved.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(saved.body, saved.replayed ? 200 : 201);
  };
}
