/**
 * Builds a fresh app per test over its own temporary database and a fake clock, and offers
 * small helpers to post the way a browser form or an island does. The database is SQLite in a
 * temporary directory, or, with TEST_DATABASE_URL set, a fresh PostgreSQL database of its own
 * (test-database.ts): the same tests run on both adapters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
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
import { openPostgresStore } from '../../src/server/storage/postgres-store.ts';
import type { NewMail, NewRequest, Store } from '../../src/server/storage/store.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from './test-database.ts';

/** The suite runs on PostgreSQL (TEST_DATABASE_URL); tests of SQLite's own file skip then. */
export const ON_POSTGRES = TEST_DATABASE_URL !== null;

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

/** A consultation as the Store takes it, for tests that write through the Store directly. */
export const storedRequest = (overrides: Partial<NewRequest> = {}): NewRequest => ({
  kind: 'konsultasi',
  reference: 'KS-2611-AAAAAA',
  idempotencyKey: null,
  createdAt: MONDAY_MORNING,
  dueDate: '2026-11-05',
  spam: false,
  accessKeyHash: null,
  emailConfirmed: true,
  name: 'Siti',
  email: 'siti@contoh.co.id',
  ...overrides,
});

export const storedMail = (to: string): NewMail => ({
  to,
  subject: 'S',
  text: 'T',
  purpose: 'reply',
});

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

type Rows = Record<string, unknown>[];
type Param = string | number | null;

/** Where each test app's PostgreSQL database is (once created), by the test's dbPath. */
const postgresUrls = new Map<string, Promise<string | null>>();

// COUNT(*) and SUM are bigint in PostgreSQL; the tests compare them with numbers, as SQLite gives.
const BIGINT_AS_NUMBER = { from: [20], to: 20, parse: Number, serialize: String };

/**
 * Runs one query against the test database through a separate connection: the SQLite file
 * at `dbPath`, or the PostgreSQL database of the test app made with it (`?` placeholders on both).
 */
export async function query(dbPath: string, sql: string, ...params: Param[]): Promise<Rows> {
  const url = await postgresUrls.get(dbPath);
  if (url) {
    const connection = postgres(url, {
      max: 1,
      onnotice: () => {},
      types: { bigint: BIGINT_AS_NUMBER },
    });
    try {
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return [...(await connection.unsafe(text, params))] as Rows;
    } finally {
      await connection.end();
    }
  }
  // A reader of a WAL file may meet the writer's checkpoint for an instant (SQLITE_BUSY).
  const db = new DatabaseSync(dbPath, { readOnly: true, timeout: 5_000 });
  try {
    return db.prepare(sql).all(...params) as Rows;
  } finally {
    db.close();
  }
}

/** Row counts of every table, read through a separate connection. */
export async function rowCounts(dbPath: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await query(dbPath, `SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * A store whose methods wait for it to be opened: PostgreSQL opens asynchronously, and tests
 * build their app synchronously, as SQLite allows.
 */
function openingStore(opening: Promise<Store>): Store {
  return new Proxy({} as Store, {
    // Not a promise itself: `then` is not one of the store's methods.
    get: (_, method: keyof Store | 'then') =>
      method === 'then'
        ? undefined
        : async (...args: unknown[]) =>
            ((await opening)[method] as (...a: unknown[]) => Promise<unknown>)(...args),
  });
}

/**
 * Writes rows the way `write` writes them into a SQLite file (a seed such as
 * tests/fixtures/report/seed.ts), into the test app's database: on PostgreSQL they are written
 * to a scratch SQLite file first and copied over, ids and all.
 */
export async function seed(
  t: TestApp,
  tables: readonly string[],
  write: (dbPath: string) => void,
): Promise<void> {
  const url = await postgresUrls.get(t.dbPath);
  if (!url) return write(t.dbPath);
  const scratch = tempDir();
  const path = join(scratch.path, 'seed.sqlite');
  await openSqliteStore(path, office.code).close();
  const target = postgres(url, { max: 1, onnotice: () => {} });
  // The officers the seed refers to, for its foreign keys.
  const scratchDb = new DatabaseSync(path);
  for (const officer of await target`SELECT * FROM staff_users`) {
    const columns = Object.keys(officer);
    scratchDb
      .prepare(
        `INSERT INTO staff_users (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      .run(...(Object.values(officer) as Param[]));
  }
  scratchDb.close();
  write(path);
  const source = new DatabaseSync(path, { readOnly: true });
  try {
    for (const table of tables) {
      const rows = source.prepare(`SELECT * FROM ${table}`).all() as Rows;
      if (rows.length > 0) await target`INSERT INTO ${target(table)} ${target(rows as never)}`;
      if (rows.length > 0 && 'id' in rows[0])
        await target.unsafe(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`,
        );
    }
  } finally {
    source.close();
    await target.end();
    scratch.remove();
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
  counts(): Promise<Record<string, number>>;
  /** Resolves once the store is open: PostgreSQL's opening (a database made, migrated) takes a while. */
  ready(): Promise<void>;
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
    /** SQLite store settings, e.g. a fault (maxPageCount: a full disk). */
    storage?: SqliteOptions;
    /** Addresses already confirmed (default CONFIRMED_BY_DEFAULT). */
    confirmed?: readonly string[];
    /**
     * The app of another office whose database this one opens too (the same SQLite file, the
     * same PostgreSQL database); it stays that app's, removed when that app closes.
     */
    sharing?: TestApp;
  } = {},
): TestApp {
  const { sharing } = options;
  const dir = sharing ? null : tempDir();
  const dbPath = sharing?.dbPath ?? join(dir?.path ?? '', 'pst.sqlite');
  const clock = fakeClock(options.start);
  const confirmed = options.confirmed ?? CONFIRMED_BY_DEFAULT;
  const at = clock.now().toISOString();
  const officeCode = (options.office ?? office).code;
  let dropDatabase = async () => {};
  let located: (url: string | null) => void = () => {};
  if (!sharing) postgresUrls.set(dbPath, new Promise((resolve) => (located = resolve)));
  const opening = (async () => {
    let store: Store;
    if (sharing) {
      await sharing.ready();
      const url = await postgresUrls.get(dbPath);
      store = url
        ? await openPostgresStore(url, officeCode)
        : openSqliteStore(dbPath, officeCode, options.storage);
    } else if (ON_POSTGRES) {
      const database = await freshPostgresDatabase();
      dropDatabase = database.drop;
      store = await openPostgresStore(database.url, officeCode);
      located(database.url);
    } else {
      located(null);
      store = openSqliteStore(dbPath, officeCode, options.storage);
    }
    for (const email of confirmed) await store.confirmAddress(email, at, []);
    return store;
  })();
  const store = openingStore(opening);
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
    ready: async () => {
      await opening;
    },
    confirm: (email) => store.confirmAddress(email, clock.now().toISOString(), []),
    close: async () => {
      await store.close();
      if (!dir) return;
      await dropDatabase();
      postgresUrls.delete(dbPath);
      dir.remove();
    },
  };
}

/** The app over a store a test opened or made itself, with this office's content and no mail. */
export function appOn(store: Store, clock: FakeClock = fakeClock()): Hono {
  return createApp({
    store,
    clock,
    mailer: null,
    config: testConfig(),
    office,
    holidays,
    standard,
    replyTemplates,
    loket,
  });
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
