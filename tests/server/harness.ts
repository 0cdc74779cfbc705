/**
 * Builds a fresh app per test over its own temporary database and a fake clock, and offers
 * small helpers to post the way a browser form or an island does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.ts';
import type { Office } from '../../src/content-schemas/office.ts';
import type { Config } from '../../src/server/config.ts';
import type { AppDeps } from '../../src/server/services.ts';
import {
  loadHolidays,
  loadLoket,
  loadOffice,
  loadReplyTemplates,
  loadStandard,
} from '../../src/content-schemas/load.ts';
import type { Mailer } from '../../src/server/mail/transport.ts';
import { openSqliteStore, type SqliteOptions } from '../../src/server/storage/sqlite-store.ts';
import type { Store } from '../../src/server/storage/store.ts';

export const office = loadOffice('content');
export const holidays = loadHolidays('content');
export const standard = loadStandard('content');
export const replyTemplates = loadReplyTemplates('content');
export const loket = loadLoket('content');

export const STAFF_TOKEN = 'test-staff-token-0123456789abcdef';
export const LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';
/** Monday 2 November 2026, 10:00 WIB: a working day, office open. */
export const MONDAY_MORNING = '2026-11-02T03:00:00.000Z';

export const TABLES = [
  'requests',
  'history',
  'outbox',
  'ratings',
  'feedback',
  'search_queries',
] as const;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    staffToken: STAFF_TOKEN,
    linkSecret: LINK_SECRET,
    allowedOrigins: [],
    formEndpointOrigin: null,
    rateLimitPerMinute: 0,
    trustProxy: false,
    minFillMs: 3000,
    staffEmail: 'petugas@contoh.go.id',
    mailFrom: 'PST <pst@contoh.go.id>',
    inlineHashes: { scripts: [], styles: [] },
    stylesheets: [],
    ...overrides,
  };
}

export interface FakeClock {
  now(): Date;
  advance(ms: number): void;
  set(iso: string): void;
}

export function fakeClock(start = MONDAY_MORNING): FakeClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'pst-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Row counts of every table, read through a separate connection. */
export function rowCounts(dbPath: string): Record<string, number> {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [
        table,
        Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Marks addresses as confirmed, through a separate connection, before the app runs. */
function confirmAddresses(dbPath: string, emails: readonly string[], at: string): void {
  const db = new DatabaseSync(dbPath);
  try {
    const insert = db.prepare(
      'INSERT INTO citizens (email, created_at, confirmed_at) VALUES (?, ?, ?)',
    );
    for (const email of emails) insert.run(email, at, at);
  } finally {
    db.close();
  }
}

/** Runs one query against the test database through a separate connection. */
export function query(
  dbPath: string,
  sql: string,
  ...params: (string | number | null)[]
): Record<string, unknown>[] {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/**
 * The addresses of the named examples, confirmed in a test app unless a test asks for none:
 * most tests are about what happens after registration; tests/server/registration.test.ts
 * is about before.
 */
export const CONFIRMED_BY_DEFAULT = [
  'siti.rahmawati@contoh.co.id',
  'andi.pratama@contoh.co.id',
  'siti@contoh.co.id',
] as const;

export interface TestApp {
  app: Hono;
  /** What the app was made of: the sweeps and the page slots take it. */
  deps: AppDeps;
  store: Store;
  clock: FakeClock;
  dbPath: string;
  counts(): Record<string, number>;
  /** The address is a confirmed citizen's, as if its confirmation link had been used. */
  confirm(email: string): Promise<void>;
  close(): Promise<void>;
}

export function makeTestApp(
  options: {
    config?: Partial<Config>;
    mailer?: Mailer | null;
    start?: string;
    office?: Office;
    /** Store settings, e.g. a fault (maxPageCount: a full disk). */
    storage?: SqliteOptions;
    /** Addresses already confirmed (default CONFIRMED_BY_DEFAULT). */
    confirmed?: readonly string[];
  } = {},
): TestApp {
  const dir = tempDir();
  const dbPath = join(dir.path, 'pst.sqlite');
  const store = openSqliteStore(dbPath, options.storage);
  const clock = fakeClock(options.start);
  confirmAddresses(dbPath, options.confirmed ?? CONFIRMED_BY_DEFAULT, clock.now().toISOString());
  const deps: AppDeps = {
    store,
    clock,
    mailer: options.mailer ?? null,
    config: testConfig(options.config),
    office: options.office ?? office,
    holidays,
    standard,
    replyTemplates,
    loket,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    store,
    clock,
    dbPath,
    counts: () => rowCounts(dbPath),
    confirm: (email) => store.confirmAddress(email, clock.now().toISOString(), []),
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
}

/** A named example payload from tests/fixtures/ (shared with unit and e2e tests). */
export function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join('tests/fixtures', path), 'utf8')) as Record<string, unknown>;
}

/** What an island sends. */
export function postJson(
  app: Hono,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Values as a plain HTML form sends them: strings, a ticked checkbox as "ya". */
export function formFields(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value === true ? 'ya' : String(value)]),
  );
}

/** What navigator.sendBeacon sends for a URLSearchParams body from one of our pages. */
export function postBeacon(
  app: Hono,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        accept: '*/*',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** What a browser sends for a <form method="post"> without JavaScript. */
export function postForm(
  app: Hono,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

export function staffRequest(
  app: Hono,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/staff${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}
