/**
 * What the form specs share: the named examples from tests/fixtures/, filling each form by its
 * labels (taken from the schemas, the same strings the islands and the endpoint render), a
 * look into the server's database, and the staff API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  expect,
  type APIRequestContext,
  type Browser,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { dataDir, serverEnv } from '../../playwright.config.ts';
import { loadOffice } from '../../src/content-schemas/load.ts';
import { IKM_ELEMENTS } from '../../src/lib/ikm.ts';
import { openStore } from '../../src/server/storage/open-store.ts';
import type { StoredRequest, Store } from '../../src/server/storage/store.ts';
import {
  CATEGORY_LABELS,
  COMPLAINT_LABELS,
  IDENTITY_LABELS,
  type Category,
  type Identity,
} from '../../src/schemas/complaint.ts';
import {
  CHANNEL_LABELS,
  CONSULTATION_LABELS,
  type Channel,
} from '../../src/schemas/consultation.ts';
import { ANSWER_FIELDS, RATING_LABELS, RATING_QUESTIONS } from '../../src/schemas/rating.ts';
import { expectNoAxeViolations } from './support.ts';

// ---- Named examples (tests/fixtures/*): the same ones the unit and server tests use ----

function example<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as T;
}

export interface ConsultationExample {
  name: string;
  email: string;
  phone?: string;
  topic: string;
  question: string;
  channel: Channel;
  consent: boolean;
}

export interface ComplaintExample {
  category: Category;
  description: string;
  reference?: string;
  identity: Identity;
  name?: string;
  email?: string;
  phone?: string;
  consent?: boolean;
}

export type RatingExample = { reference?: string; comment?: string } & Record<
  (typeof ANSWER_FIELDS)[number],
  number
>;

export const examples = {
  consultation: example<ConsultationExample>('consultation/valid'),
  consultationWithoutEmail: example<Omit<ConsultationExample, 'email'>>(
    'consultation/missing-email',
  ),
  complaint: example<ComplaintExample>('complaint/valid'),
  anonymousComplaint: example<ComplaintExample>('complaint/anonymous'),
  rating: example<RatingExample>('rating/valid'),
  feedback: example<{ page: string; helpful: 'ya' | 'tidak'; comment: string }>('feedback/valid'),
};

/** Text no other test types, so a row in the database can be told from every other. */
export function uniqueText(testInfo: TestInfo, text: string): string {
  // testId is "<file hash>-<test hash>": the whole of it tells tests of one file apart.
  return `${text} (uji ${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry})`;
}

// ---- Pages ----

/**
 * Waits until every island of the page has hydrated (Astro removes the `ssr` attribute), so
 * typing reaches Preact's state. Counting works for islands that render nothing, too.
 */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('astro-island')).not.toHaveCount(0);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/**
 * The endpoint stores a form sent within 3 s of opening it as spam (MIN_FILL_MS in
 * src/server/env.ts), and a test fills a form faster than anyone. Turning the page's clock
 * back a minute before it opens makes the island's start stamp (`form_started_at`) read like
 * a person's; timers still run at their natural pace. Without JavaScript the server stamps
 * the page it serves; that stamp is moved back a minute on its way to the browser (and must
 * be there: a page without it would be refused as a bot's).
 */
export async function openedAMinuteAgo(page: Page): Promise<void> {
  await page.clock.install({ time: Date.now() - 60_000 });
  await page.route(/\/(konsultasi|pengaduan|penilaian)\/$/, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const stamped = /name="form_started_at" value="(\d+)"/.exec(html);
    expect(stamped, 'the server stamps the form page').not.toBeNull();
    const earlier = html.replace(
      stamped![0],
      `name="form_started_at" value="${Number(stamped![1]) - 60_000}"`,
    );
    // The body is decoded already: send it without the server's encoding headers.
    const {
      'content-encoding': _encoding,
      'content-length': _length,
      ...headers
    } = response.headers();
    await route.fulfill({ response, body: earlier, headers });
  });
}

/** The consultation form, on the site or on the endpoint's error page (same labels). */
export async function fillConsultation(
  page: Page,
  answers: Partial<ConsultationExample>,
): Promise<void> {
  const L = CONSULTATION_LABELS;
  if (answers.name !== undefined) await page.getByLabel(L.name, { exact: true }).fill(answers.name);
  if (answers.email !== undefined)
    await page.getByLabel(L.email, { exact: true }).fill(answers.email);
  if (answers.phone !== undefined)
    await page.getByLabel(L.phone, { exact: true }).fill(answers.phone);
  if (answers.topic !== undefined)
    await page.getByLabel(L.topic, { exact: true }).fill(answers.topic);
  if (answers.question !== undefined)
    await page.getByLabel(L.question, { exact: true }).fill(answers.question);
  if (answers.channel)
    await page.getByRole('radio', { name: CHANNEL_LABELS[answers.channel], exact: true }).check();
  if (answers.consent) await page.getByRole('checkbox', { name: L.consent }).check();
}

/** The complaint form; contact fields only when given (they are hidden for an anonymous one with JS). */
export async function fillComplaint(page: Page, answers: Partial<ComplaintExample>): Promise<void> {
  const L = COMPLAINT_LABELS;
  if (answers.category)
    await page.getByRole('radio', { name: CATEGORY_LABELS[answers.category], exact: true }).check();
  if (answers.description !== undefined)
    await page.getByLabel(L.description, { exact: true }).fill(answers.description);
  if (answers.reference !== undefined)
    await page.getByLabel(L.reference, { exact: true }).fill(answers.reference);
  if (answers.identity)
    await page.getByRole('radio', { name: IDENTITY_LABELS[answers.identity], exact: true }).check();
  if (answers.name !== undefined) await page.getByLabel(L.name, { exact: true }).fill(answers.name);
  if (answers.email !== undefined)
    await page.getByLabel(L.email, { exact: true }).fill(answers.email);
  if (answers.phone !== undefined)
    await page.getByLabel(L.phone, { exact: true }).fill(answers.phone);
  if (answers.consent) await page.getByRole('checkbox', { name: L.consent }).check();
}

/** The question group of IKM element `index` (0–8) on /penilaian/, as the citizen reads it. */
export function ratingQuestion(page: Page, index: number) {
  const field = ANSWER_FIELDS[index];
  return page.getByRole('group', {
    name: `${index + 1}. ${IKM_ELEMENTS[index].name}: ${RATING_QUESTIONS[field].question}`,
  });
}

/** The nine answers (and the comment, when given) of the survey on /penilaian/. */
export async function fillRating(page: Page, answers: RatingExample): Promise<void> {
  for (const [index, field] of ANSWER_FIELDS.entries()) {
    const label = RATING_QUESTIONS[field].answers[answers[field] - 1];
    await ratingQuestion(page, index).getByRole('radio', { name: label, exact: true }).check();
  }
  if (answers.comment !== undefined)
    await page.getByLabel(RATING_LABELS.comment, { exact: true }).fill(answers.comment);
}

/** The reference a confirmation page shows (filled in by the server from its address). */
export const shownReference = (page: Page) => page.getByRole('main').locator('[data-slot="ref"]');
/** The due date a confirmation page shows. */
export const shownDueDate = (page: Page) => page.getByRole('main').locator('[data-slot="due"]');

/** Fails with the overflowing width when the page scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} is wider than the viewport by`).toBeLessThanOrEqual(0);
}

/**
 * The endpoint's JSON answer to the next POST to `path`, read on its way to the page: the page
 * may navigate away, or never read the body, before Playwright could. Call before the click.
 */
export async function tapAnswer<Body>(
  page: Page,
  path: `/api/${string}`,
): Promise<{ answer: Promise<{ status: number; body: Body }> }> {
  let resolve!: (value: { status: number; body: Body }) => void;
  const answer = new Promise<{ status: number; body: Body }>((done) => (resolve = done));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      resolve({ status: response.status(), body: (await response.json()) as Body });
      await route.fulfill({ response });
    },
    { times: 1 },
  );
  return { answer };
}

/**
 * Runs `check` on a copy of a page that has JavaScript off: page.evaluate (and so axe and the
 * overflow check) hangs in such a page. The copy has the page's HTML as it stands, at its own
 * address, without scripts, in the same viewport, with scripting on for the check only.
 */
export async function inScriptedCopy(
  page: Page,
  browser: Browser,
  check: (copy: Page) => Promise<void>,
): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const url = page.url().split('#')[0];
  const context = await browser.newContext({
    javaScriptEnabled: true,
    serviceWorkers: 'block',
    viewport: page.viewportSize(),
  });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await copy.goto(url);
    await check(copy);
  } finally {
    await context.close();
  }
}

/** axe on a page that has JavaScript off (see inScriptedCopy). */
export async function expectNoAxeViolationsWithoutScripts(
  page: Page,
  browser: Browser,
): Promise<void> {
  await inScriptedCopy(page, browser, expectNoAxeViolations);
}

// ---- The server's database ----

/**
 * The Store on the server's database (SQLite in its DATA_DIR, or DATABASE_URL as the server
 * is given it), opened for one read: each sees everything the server has committed so far.
 */
async function throughStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL?.trim() || null;
  const store = await openStore({ databaseUrl, dataDir, office: loadOffice('content').code });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

export interface RatingRow extends Record<(typeof ANSWER_FIELDS)[number], number> {
  reference: string | null;
  comment: string | null;
  spam: number;
}

export interface FeedbackRow {
  page: string;
  helpful: number;
  comment: string | null;
  context: string | null;
  spam: number;
}

function query<Row>(sql: string, params: Record<string, string>): Row[] {
  // A connection per question: each sees everything the server has committed so far.
  const db = new DatabaseSync(join(dataDir, 'pst.sqlite'), { readOnly: true });
  try {
    return db.prepare(sql).all(params) as Row[];
  } finally {
    db.close();
  }
}

/** Ratings and feedback: table names from src/server/storage/migrations.ts (SQLite only). */
export const stored = {
  request: (reference: string): Promise<StoredRequest | null> =>
    throughStore((store) => store.findRequest(reference)),
  /** Every request with this question, spam included: a form sent twice would show twice. */
  requestsWithQuestion: (question: string): Promise<StoredRequest[]> =>
    throughStore(async (store) =>
      (await store.listRequests({ spam: 'include' })).items.filter(
        (request) => request.question === question,
      ),
    ),
  /** Ratings with this comment. */
  ratingsWithComment: (comment: string) =>
    query<RatingRow>('SELECT * FROM ratings WHERE comment = :comment', { comment }),
  /** Ratings given for the request with this reference. */
  ratingsFor: (reference: string) =>
    query<RatingRow>('SELECT * FROM ratings WHERE reference = :reference', { reference }),
  /** Feedback saved at this instant (the endpoint's `receivedAt`). */
  feedbackAt: (createdAt: string) =>
    query<FeedbackRow>('SELECT * FROM feedback WHERE created_at = :createdAt', { createdAt }),
  /** Feedback with this comment. */
  feedbackWithComment: (comment: string) =>
    query<FeedbackRow>('SELECT * FROM feedback WHERE comment = :comment', { comment }),
  /** Feedback about `page` saved since `since` (an ISO instant). */
  feedbackSince: (page: string, since: string) =>
    query<FeedbackRow>('SELECT * FROM feedback WHERE page = :page AND created_at >= :since', {
      page,
      since,
    }),
};

// ---- Acting as the endpoint's other users ----

const staffHeaders = { Authorization: `Bearer ${serverEnv.STAFF_TOKEN}` };

/**
 * The citizen's first request from an address waits for the address to be confirmed: the
 * test opens the link of the confirmation mail (read from the outbox, as no SMTP server runs
 * here) and presses the button, as the citizen would. Once confirmed, an address stays so.
 */
export async function confirmAddress(request: APIRequestContext, email: string): Promise<void> {
  const outbox = await request.get('/api/staff/outbox?pending=1', { headers: staffHeaders });
  const { items } = (await outbox.json()) as {
    items: { to: string; text: string; purpose: string }[];
  };
  for (const mail of items.filter((m) => m.purpose === 'confirmation' && m.to === email)) {
    const token = /\/akun\/konfirmasi\/\?token=([\w-]+)/.exec(mail.text)?.[1];
    if (!token) continue;
    // A link already used (by a test running beside this one) is refused; the address is confirmed.
    await request.post('/akun/konfirmasi/', {
      form: { token },
      headers: { Origin: new URL(outbox.url()).origin },
      maxRedirects: 0,
    });
  }
}

/** A consultation as a script (or another tab) sends it: JSON, straight to the endpoint. */
export async function submitConsultation(
  request: APIRequestContext,
  answers: ConsultationExample = examples.consultation,
): Promise<{ reference: string; dueDate: string }> {
  const response = await request.post('/api/consultations', {
    data: answers,
    headers: { Accept: 'application/json' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const sent = (await response.json()) as {
    reference: string;
    dueDate: string;
    emailConfirmed: boolean;
  };
  if (sent.emailConfirmed) return sent;
  await confirmAddress(request, answers.email);
  const found = await request.get(`/api/staff/requests/${sent.reference}`, {
    headers: staffHeaders,
  });
  const { dueDate } = (await found.json()) as { dueDate: string };
  return { reference: sent.reference, dueDate };
}

/** A complaint sent straight to the endpoint as JSON. */
export async function submitComplaint(
  request: APIRequestContext,
  answers: ComplaintExample = examples.complaint,
): Promise<{ reference: string; dueDate: string }> {
  const response = await request.post('/api/complaints', {
    data: answers,
    headers: { Accept: 'application/json' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { reference: string; dueDate: string };
}

/** A staff reply through the staff API (README "Staff API"); `status: 'selesai'` closes the request. */
export async function staffReply(
  request: APIRequestContext,
  reference: string,
  message: string,
  status?: 'selesai',
): Promise<void> {
  const response = await request.post(`/api/staff/requests/${reference}/replies`, {
    data: { message, ...(status ? { status } : {}) },
    headers: staffHeaders,
  });
  expect(response.ok(), await response.text()).toBe(true);
}
