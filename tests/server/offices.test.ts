/**
 * Many offices on one database (issue 19): each instance opens the store for its office
 * (office.yaml's code), and nothing one office stores is seen, changed or swept by another.
 * The store's cases run on SQLite (two stores on one file) and, with TEST_DATABASE_URL, on
 * PostgreSQL (two stores on one database); the app's case runs on whichever database the
 * server suite runs on.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { afterEach, describe, expect, test } from 'vitest';
import { loadOffice } from '../../src/content-schemas/load.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import {
  migratePostgres,
  POSTGRES_MIGRATIONS,
} from '../../src/server/storage/postgres-migrations.ts';
import { openPostgresStore } from '../../src/server/storage/postgres-store.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite-store.ts';
import type { NewRequest, NewVisit, Store } from '../../src/server/storage/store.ts';
import {
  fixture,
  makeTestApp,
  MONDAY_MORNING,
  office,
  postJson,
  tempDir,
  type TestApp,
  storedMail,
  storedRequest,
} from './harness.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from './test-database.ts';
import { addOfficer, OfficerBrowser } from './workspace-client.ts';

/** The invented office of tests/fixtures/office-contoh/, beside the real one. */
const contoh = loadOffice('tests/fixtures/office-contoh');
const A = office.code;
const B = contoh.code;

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

type Open = (database: string, office: string) => Promise<Store>;

/** A database of each kind and how a store of an office opens on it. */
const adapters: { name: string; skip: boolean; database: () => Promise<string>; open: Open }[] = [
  {
    name: 'SQLite',
    skip: false,
    database: async () => {
      const dir = tempDir();
      cleanups.push(dir.remove);
      return join(dir.path, 'pst.sqlite');
    },
    open: async (path, code) => openSqliteStore(path, code),
  },
  {
    name: 'PostgreSQL',
    skip: !TEST_DATABASE_URL,
    database: async () => {
      const database = await freshPostgresDatabase();
      cleanups.push(database.drop);
      return database.url;
    },
    open: (url, code) => openPostgresStore(url, code),
  },
];

const AT = '2026-11-02T03:00:00.000Z';
const REFERENCE = 'KS-2611-SAMA01';

const request = (overrides: Partial<NewRequest> = {}): NewRequest =>
  storedRequest({ reference: REFERENCE, idempotencyKey: 'kunci-1', ...overrides });

const mail = storedMail;

const visit = (overrides: Partial<NewVisit> = {}): NewVisit => ({
  reference: 'KJ-2611-SAMA01',
  ticketId: 'tiket-a',
  day: '2026-11-02',
  service: 'konsultasi',
  prefix: 'K',
  at: AT,
  name: 'Yusuf',
  topic: 'Data penduduk',
  ...overrides,
});

for (const adapter of adapters) {
  describe.skipIf(adapter.skip)(`two offices on one ${adapter.name} database`, () => {
    /** Office A's store and office B's, on one database. */
    async function twoOffices(): Promise<{ a: Store; b: Store; database: string }> {
      const database = await adapter.database();
      const a = await adapter.open(database, A);
      const b = await adapter.open(database, B);
      cleanups.push(a.close, b.close);
      return { a, b, database };
    }

    test('the same reference, key and address make a request in each office, each seen by its own', async () => {
      const { a, b } = await twoOffices();
      const first = await a.insertRequest(request(), [mail('siti@contoh.co.id')]);
      const second = await b.insertRequest(request({ name: 'Bambang' }), [
        mail('siti@contoh.co.id'),
      ]);
      expect(first.outcome).toBe('created');
      expect(second.outcome).toBe('created');
      if (!('request' in first) || !('request' in second)) throw new Error('not stored');
      const [ofA, ofB] = [first.request, second.request];

      expect((await a.findRequest(REFERENCE))?.name).toBe('Siti');
      expect((await b.findRequest(REFERENCE))?.name).toBe('Bambang');
      for (const [store, name] of [
        [a, 'Siti'],
        [b, 'Bambang'],
      ] as const) {
        const list = await store.listRequests({});
        expect(list.total).toBe(1);
        expect(list.items.map((item) => item.name)).toEqual([name]);
        expect((await store.countByStatus()).baru).toBe(1);
        expect((await store.requestsOf('siti@contoh.co.id')).map((item) => item.name)).toEqual([
          name,
        ]);
        expect(await store.listOutbox({ pendingOnly: false })).toHaveLength(1);
        expect(await store.countMailSince('siti@contoh.co.id', 'reply', AT)).toBe(1);
      }
      // Ids are unique in the database; an id of the other office finds nothing.
      expect(await a.history(ofB.id)).toEqual([]);
      expect(await b.history(ofA.id)).toEqual([]);
      expect(await a.meetingsOf(ofB.id)).toEqual([]);
      expect(
        await a.changeRequest(
          {
            requestId: ofB.id,
            seen: { version: ofB.version },
            at: AT,
            actor: 'petugas',
            to: 'selesai',
          },
          [],
        ),
      ).toBe(false);
      expect((await b.findRequest(REFERENCE))?.status).toBe('baru');

      // A replay is the office's own first submission, not the other office's.
      const replay = await b.insertRequest(request({ reference: 'KS-2611-LAIN01' }), []);
      expect(replay.outcome).toBe('replayed');
      expect('request' in replay && replay.request.id).toBe(ofB.id);

      expect(await a.erasePersonalData({ reference: REFERENCE }, AT, 'petugas', 'Dihapus')).toBe(1);
      expect((await a.findRequest(REFERENCE))?.name).toBeUndefined();
      expect((await b.findRequest(REFERENCE))?.name).toBe('Bambang');
      expect(await a.eraseCitizen('siti@contoh.co.id', AT, 'Dihapus')).toBe(0);
      expect((await b.requestsOf('siti@contoh.co.id')).map((item) => item.id)).toEqual([ofB.id]);
    });

    test('officers, their sessions, logins and the audit belong to one office', async () => {
      const { a, b } = await twoOffices();
      const account = { email: 'sari@contoh.go.id', role: 'admin' as const, at: AT };
      expect(await a.createStaff({ ...account, name: 'Sari A', passwordHash: 'hash-a' })).toBe(
        true,
      );
      expect(await b.createStaff({ ...account, name: 'Sari B', passwordHash: 'hash-b' })).toBe(
        true,
      );
      const sariA = (await a.findStaff('sari@contoh.go.id'))!;
      const sariB = (await b.findStaff('sari@contoh.go.id'))!;
      expect([sariA.name, sariA.passwordHash, sariB.name, sariB.passwordHash]).toEqual([
        'Sari A',
        'hash-a',
        'Sari B',
        'hash-b',
      ]);
      expect((await b.listStaff()).map((staff) => staff.name)).toEqual(['Sari B']);

      await a.createSession({ tokenHash: 'sesi-a', staffId: sariA.id, csrf: 'c', at: AT });
      expect((await a.findSession('sesi-a'))?.staff.name).toBe('Sari A');
      expect(await b.findSession('sesi-a')).toBeNull();
      await b.endSession('sesi-a');
      expect(await a.findSession('sesi-a')).not.toBeNull();
      await b.setStaffActive(sariA.id, false);
      expect((await a.findStaff('sari@contoh.go.id'))?.active).toBe(true);

      await a.recordLoginAttempt({ email: 'sari@contoh.go.id', client: 'x', ok: false, at: AT });
      expect(await a.loginFailuresSince({ email: 'sari@contoh.go.id' }, AT)).toEqual([AT]);
      expect(await b.loginFailuresSince({ email: 'sari@contoh.go.id' }, AT)).toEqual([]);
      expect(await b.loginFailuresSince({ client: 'x' }, AT)).toEqual([]);
      await a.audit({ at: AT, staffId: sariA.id, action: 'masuk', target: null });
      expect(await a.listAudit({ limit: 10 })).toHaveLength(1);
      expect(await b.listAudit({ limit: 10 })).toEqual([]);
    });

    test('addresses, one-time links and citizen sessions belong to one office', async () => {
      const { a, b } = await twoOffices();
      const token = {
        tokenHash: 'tautan-a',
        email: 'siti@contoh.co.id',
        purpose: 'konfirmasi' as const,
        at: AT,
        expiresAt: '2026-11-03T03:00:00.000Z',
      };
      await a.createCitizenToken(token, []);
      expect(await b.useCitizenToken('tautan-a', 'konfirmasi', AT)).toBeNull();
      expect(await a.useCitizenToken('tautan-a', 'konfirmasi', AT)).toBe('siti@contoh.co.id');
      await a.confirmAddress('siti@contoh.co.id', AT, []);
      expect(await a.addressConfirmedAt('siti@contoh.co.id')).toBe(AT);
      expect(await b.addressConfirmedAt('siti@contoh.co.id')).toBeNull();
      await a.createCitizenSession({
        tokenHash: 'warga-a',
        email: 'siti@contoh.co.id',
        csrf: 'c',
        at: AT,
      });
      expect(await b.findCitizenSession('warga-a')).toBeNull();
      expect((await a.findCitizenSession('warga-a'))?.email).toBe('siti@contoh.co.id');
    });

    test('reports, ratings, page feedback and search counts count one office', async () => {
      const { a, b } = await twoOffices();
      await a.insertRequest(request(), []);
      await a.insertRequest(request({ reference: 'KS-2611-DUA002', idempotencyKey: null }), []);
      await b.insertRequest(request(), []);
      const rating = {
        idempotencyKey: null,
        createdAt: AT,
        reference: REFERENCE,
        channel: 'online' as const,
        comment: 'Puas',
        spam: false,
      };
      expect(
        (await a.insertRating({ ...rating, answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] })).outcome,
      ).toBe('created');
      // The other office's request of the same number is not rated yet.
      expect(
        (await b.insertRating({ ...rating, answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] })).outcome,
      ).toBe('created');
      expect(await a.ratedReferences([REFERENCE])).toEqual([REFERENCE]);
      await a.insertFeedback({
        idempotencyKey: 'umpan-1',
        createdAt: AT,
        page: '/faq/biaya/',
        helpful: true,
        spam: false,
      });
      expect(
        (
          await b.insertFeedback({
            idempotencyKey: 'umpan-1',
            createdAt: AT,
            page: '/faq/biaya/',
            helpful: false,
            spam: false,
          })
        ).outcome,
      ).toBe('created');
      await a.recordSearch({
        day: '2026-11-02',
        query: 'sensus sapi',
        results: 0,
        partial: false,
        outcome: 'dibiarkan',
      });

      const period = { from: '2026-11-01T00:00:00.000Z', before: '2026-12-01T00:00:00.000Z' };
      const days = { fromDay: '2026-11-01', toDay: '2026-11-30' };
      const factsA = await a.periodFacts({ ...period, ...days });
      const factsB = await b.periodFacts({ ...period, ...days });
      expect(factsA.requests.map((facts) => facts.reference).sort()).toEqual([
        'KS-2611-DUA002',
        REFERENCE,
      ]);
      expect(factsB.requests.map((facts) => facts.reference)).toEqual([REFERENCE]);
      expect(factsA.ratings.map((facts) => facts.answers[0])).toEqual([4]);
      expect(factsB.ratings.map((facts) => facts.answers[0])).toEqual([1]);
      expect(factsA.feedback).toMatchObject([{ page: '/faq/biaya/', helpful: 1, notHelpful: 0 }]);
      expect(factsB.feedback).toMatchObject([{ page: '/faq/biaya/', helpful: 0, notHelpful: 1 }]);
      expect(await b.ratingMeans({})).toEqual({ count: 1, means: Array(9).fill(1) });
      expect((await b.feedbackSummary({})).map((page) => page.notHelpful)).toEqual([1]);
      expect((await a.searchGaps({ limit: 10 })).searches).toBe(1);
      expect(await b.searchGaps({ limit: 10 })).toEqual({ searches: 0, unanswered: [], asked: [] });
      expect(await b.purgeSearchesBefore('2027-01-01')).toBe(0);
      expect((await a.searchGaps({ limit: 10 })).searches).toBe(1);
    });

    test('each office’s sweeps take only its own mail and erase only its own data', async () => {
      const { a, b } = await twoOffices();
      await a.insertRequest(request({ emailConfirmed: false }), [mail('siti@contoh.co.id')]);
      await b.insertRequest(request({ emailConfirmed: false, name: 'Bambang' }), [
        mail('bambang@contoh.co.id'),
      ]);
      const claimed = await b.claimDueMail(AT, '2026-11-02T03:05:00.000Z', 10);
      expect(claimed.map((due) => due.to)).toEqual(['bambang@contoh.co.id']);
      expect(
        (await a.claimDueMail(AT, '2026-11-02T03:05:00.000Z', 10)).map((due) => due.to),
      ).toEqual(['siti@contoh.co.id']);
      await a.markMailSent(claimed[0].id, AT);
      expect((await b.listOutbox({ pendingOnly: true })).map((due) => due.sentAt)).toEqual([null]);

      expect((await b.unconfirmedBefore('2027-01-01T00:00:00.000Z')).map((r) => r.name)).toEqual([
        'Bambang',
      ]);
      expect(await b.purgeBefore('2027-01-01T00:00:00.000Z', AT, 'Masa simpan habis')).toBe(1);
      expect((await b.findRequest(REFERENCE))?.name).toBeUndefined();
      expect((await a.findRequest(REFERENCE))?.name).toBe('Siti');
      expect(await a.listOutbox({ pendingOnly: false })).toHaveLength(1);
    });

    test('walk-in numbers restart per office; tickets, queues and kiosks are the office’s', async () => {
      const { a, b } = await twoOffices();
      await b.createStaff({
        email: 'budi@contoh.go.id',
        name: 'Budi',
        role: 'petugas',
        passwordHash: 'h',
        at: AT,
      });
      const officer = (await b.findStaff('budi@contoh.go.id'))!.id;
      const ofA = await a.insertVisit(visit());
      const ofB = await b.insertVisit(visit({ ticketId: 'tiket-b', name: 'Bambang' }));
      expect([ofA?.number, ofB?.number]).toEqual(['K-001', 'K-001']);
      // A ticket id is unique in the database: its address does not name the office.
      expect(await b.insertVisit(visit({ reference: 'KJ-2611-LAIN01' }))).toBeNull();
      expect(await b.findVisit({ ticketId: 'tiket-a' })).toBeNull();
      expect(await b.findVisit({ id: ofA!.id })).toBeNull();
      expect((await b.listVisits('2026-11-02')).map((entry) => entry.name)).toEqual(['Bambang']);
      const call = { day: '2026-11-02', desk: 'meja-1', services: ['konsultasi'], at: AT };
      expect(await b.callNextVisit({ ...call, staffId: officer })).toMatchObject({
        name: 'Bambang',
      });
      expect(await b.callNextVisit({ ...call, desk: 'meja-2', staffId: officer })).toBe('empty');
      expect((await a.findVisit({ ticketId: 'tiket-a' }))?.state).toBe('menunggu');

      await a.createKioskLink({
        tokenHash: 'pasang-a',
        label: 'Kiosk A',
        staffId: null,
        at: AT,
        expiresAt: '2026-11-03T03:00:00.000Z',
      });
      expect(await b.pairKiosk('pasang-a', 'perangkat-b', AT)).toBeNull();
      const device = await a.pairKiosk('pasang-a', 'perangkat-a', AT);
      expect(device?.label).toBe('Kiosk A');
      expect(await b.findKioskDevice('perangkat-a')).toBeNull();
      expect(await b.listKioskDevices()).toEqual([]);
      expect(await b.revokeKioskDevice(device!.id, AT, officer)).toBe(false);
      expect(await a.findKioskDevice('perangkat-a')).not.toBeNull();
    });
  });
}

describe.skipIf(!TEST_DATABASE_URL)('offices sharing PostgreSQL: sweeps and the queue feed', () => {
  test('a sweep runs alone per office: another office’s instance is not kept waiting', async () => {
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    const [a1, a2, b] = await Promise.all([
      openPostgresStore(database.url, A),
      openPostgresStore(database.url, A),
      openPostgresStore(database.url, B),
    ]);
    cleanups.push(a1.close, a2.close, b.close);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = a1.runAlone('surat', async () => {
      started();
      await held;
      return 'a1';
    });
    await running;
    expect(await a2.runAlone('surat', async () => 'a2')).toBeNull();
    expect(await b.runAlone('surat', async () => 'b')).toBe('b');
    release();
    expect(await first).toBe('a1');
  });

  test('a desk’s change reaches the displays of its office’s other instances only', async () => {
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    const [a1, a2, b1, b2] = await Promise.all([
      openPostgresStore(database.url, A),
      openPostgresStore(database.url, A),
      openPostgresStore(database.url, B),
      openPostgresStore(database.url, B),
    ]);
    cleanups.push(a1.close, a2.close, b1.close, b2.close);
    const heardByA2: unknown[] = [];
    const heardByB2: unknown[] = [];
    cleanups.push(await a2.listenQueueChanges((change) => heardByA2.push(change)));
    cleanups.push(await b2.listenQueueChanges((change) => heardByB2.push(change)));
    await a1.announceQueueChange({ kind: 'panggil', day: '2026-11-02' });
    await expect.poll(() => heardByA2).toEqual([{ kind: 'panggil', day: '2026-11-02' }]);
    // Notifications arrive in the order they were sent: had B's instance heard A's, it would
    // have heard it before this one of its own office.
    await b1.announceQueueChange({ kind: 'ambil', day: '2026-11-02' });
    await expect.poll(() => heardByB2).toEqual([{ kind: 'ambil', day: '2026-11-02' }]);
  });
});

describe('a database from before offices were told apart', () => {
  test('SQLite: migration 9 gives every existing row the configured office', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const path = join(dir.path, 'pst.sqlite');
    const old = new DatabaseSync(path);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 8)) old.exec(migration.sql);
    old.exec('PRAGMA user_version = 8');
    old.exec(`INSERT INTO staff_users (email, name, role, password_hash, active, created_at)
      VALUES ('sari@contoh.go.id', 'Sari', 'admin', 'hash', 1, '${AT}')`);
    old.exec(`INSERT INTO requests (reference, kind, status, created_at, due_date, original_due_date,
        status_changed_at, spam, name, email, assigned_to)
      VALUES ('${REFERENCE}', 'konsultasi', 'baru', '${AT}', '2026-11-05', '2026-11-05', '${AT}', 0,
        'Siti', 'siti@contoh.co.id', 1)`);
    old.exec(
      `INSERT INTO history (request_id, at, actor, status, staff_id) VALUES (1, '${AT}', 'warga', 'baru', 1)`,
    );
    old.exec(`INSERT INTO outbox (request_id, recipient, subject, body, created_at, next_attempt_at, purpose)
      VALUES (1, 'siti@contoh.co.id', 'S', 'T', '${AT}', '${AT}', 'reply')`);
    old.exec(
      `INSERT INTO search_queries (day, query, searches) VALUES ('2026-11-02', 'sensus', 2)`,
    );
    old.exec(
      `INSERT INTO citizens (email, created_at, confirmed_at) VALUES ('siti@contoh.co.id', '${AT}', '${AT}')`,
    );
    old.close();

    const a = openSqliteStore(path, A);
    const b = openSqliteStore(path, B);
    cleanups.push(a.close, b.close);
    const stored = await a.findRequest(REFERENCE);
    expect(stored).toMatchObject({ name: 'Siti', assignedTo: 1 });
    expect(await a.history(stored!.id)).toHaveLength(1);
    expect(await a.listOutbox({ pendingOnly: true })).toHaveLength(1);
    expect((await a.findStaff('sari@contoh.go.id'))?.name).toBe('Sari');
    expect(await a.addressConfirmedAt('siti@contoh.co.id')).toBe(AT);
    expect((await a.searchGaps({ limit: 5 })).searches).toBe(2);
    expect(await b.findRequest(REFERENCE)).toBeNull();
    expect(await b.findStaff('sari@contoh.go.id')).toBeNull();

    const db = new DatabaseSync(path, { readOnly: true });
    try {
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 9 });
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      for (const table of ['staff_users', 'history', 'outbox', 'search_queries', 'citizens'])
        expect(db.prepare(`SELECT DISTINCT office FROM ${table}`).all(), table).toEqual([
          { office: A },
        ]);
    } finally {
      db.close();
    }
    expect((await b.insertRequest(request(), [])).outcome).toBe('created');
  });

  test.skipIf(!TEST_DATABASE_URL)(
    'PostgreSQL: migration 2 gives every existing row the configured office',
    async () => {
      const database = await freshPostgresDatabase();
      cleanups.push(database.drop);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        await migratePostgres(sql, A, POSTGRES_MIGRATIONS.slice(0, 1));
        await sql`INSERT INTO staff_users (email, name, role, password_hash, active, created_at)
          VALUES ('sari@contoh.go.id', 'Sari', 'admin', 'hash', 1, ${AT})`;
        await sql`INSERT INTO requests (reference, kind, status, created_at, due_date, original_due_date,
            status_changed_at, spam, name, email)
          VALUES (${REFERENCE}, 'konsultasi', 'baru', ${AT}, '2026-11-05', '2026-11-05', ${AT}, 0,
            'Siti', 'siti@contoh.co.id')`;
        await sql`INSERT INTO history (request_id, at, actor, status)
          SELECT id, ${AT}, 'warga', 'baru' FROM requests`;
        await sql`INSERT INTO citizens (email, created_at, confirmed_at)
          VALUES ('siti@contoh.co.id', ${AT}, ${AT})`;
      } finally {
        await sql.end();
      }

      const a = await openPostgresStore(database.url, A);
      const b = await openPostgresStore(database.url, B);
      cleanups.push(a.close, b.close);
      const stored = await a.findRequest(REFERENCE);
      expect(stored?.name).toBe('Siti');
      expect(await a.history(stored!.id)).toHaveLength(1);
      expect((await a.findStaff('sari@contoh.go.id'))?.name).toBe('Sari');
      expect(await a.addressConfirmedAt('siti@contoh.co.id')).toBe(AT);
      expect(await b.findRequest(REFERENCE)).toBeNull();
      expect((await b.insertRequest(request(), [])).outcome).toBe('created');
      expect(
        await b.createStaff({
          email: 'sari@contoh.go.id',
          name: 'Sari B',
          role: 'admin',
          passwordHash: 'h',
          at: AT,
        }),
      ).toBe(true);
    },
  );
});

describe('two offices share a database without seeing each other', () => {
  const SARI = 'sari@contoh.go.id';
  const PASSWORD_B = 'penyu-hijau-bertelur-9';
  const NOVEMBER = 'dari=2026-11-01&sampai=2026-11-30';

  /** Office A (content/) and office B (the invented office), one database. */
  async function twoApps(): Promise<{ a: TestApp; b: TestApp }> {
    const a = makeTestApp({ start: MONDAY_MORNING });
    cleanups.push(a.close);
    const b = makeTestApp({ start: MONDAY_MORNING, office: contoh, sharing: a });
    cleanups.push(b.close);
    await b.ready();
    await addOfficer(a.store, { email: SARI, name: 'Sari Kantor A', role: 'admin' });
    await addOfficer(b.store, {
      email: SARI,
      name: 'Sari Kantor B',
      role: 'admin',
      password: PASSWORD_B,
    });
    return { a, b };
  }

  async function submit(t: TestApp, name: string): Promise<string> {
    const response = await postJson(t.app, '/api/consultations', {
      ...fixture('consultation/valid.json'),
      name,
    });
    expect(response.status).toBe(201);
    return (await response.json()).reference;
  }

  async function signedIn(t: TestApp, password?: string): Promise<OfficerBrowser> {
    const browser = new OfficerBrowser(t.app);
    await browser.get('/petugas/masuk/');
    const response = await browser.logIn(SARI, password);
    expect(response.headers.get('location')).toBe('/petugas/');
    return browser;
  }

  test('staff, inbox, request pages, CSV, reports and status lookups each see one office', async () => {
    const { a, b } = await twoApps();
    const ofA = [await submit(a, 'Warga Kantor A'), await submit(a, 'Warga Kantor A')];
    const ofB = await submit(b, 'Warga Kantor B');
    const sariA = await signedIn(a);
    const sariB = await signedIn(b, PASSWORD_B);

    await sariA.get('/petugas/');
    for (const reference of ofA) expect(sariA.lastPage).toContain(reference);
    expect(sariA.lastPage).not.toContain(ofB);
    expect(sariA.lastPage).not.toContain('Warga Kantor B');
    await sariB.get('/petugas/');
    expect(sariB.lastPage).toContain(ofB);
    expect(sariB.lastPage).not.toContain('Warga Kantor A');
    expect((await sariA.get(`/petugas/permintaan/${ofB}/`)).status).toBe(404);

    const csvA = await (await sariA.get(`/petugas/unduh.csv?${NOVEMBER}`)).text();
    const csvB = await (await sariB.get(`/petugas/unduh.csv?${NOVEMBER}`)).text();
    for (const reference of ofA) expect(csvA).toContain(reference);
    expect(csvA).not.toContain(ofB);
    expect(csvB).toContain(ofB);
    expect(csvB).not.toContain('Warga Kantor A');

    const reportA = await (await sariA.get(`/petugas/laporan/unduh.csv?${NOVEMBER}`)).text();
    const reportB = await (await sariB.get(`/petugas/laporan/unduh.csv?${NOVEMBER}`)).text();
    expect(reportA).toContain('"Permintaan diterima","2"');
    expect(reportB).toContain('"Permintaan diterima","1"');

    const email = fixture('consultation/valid.json').email;
    expect((await postJson(a.app, '/api/status', { reference: ofB, email })).status).toBe(404);
    expect((await postJson(b.app, '/api/status', { reference: ofB, email })).status).toBe(200);
    expect((await postJson(b.app, '/api/status', { reference: ofA[0], email })).status).toBe(404);
  });

  test('an officer’s password and session open only their own office', async () => {
    const { a, b } = await twoApps();
    const wrongOffice = new OfficerBrowser(a.app);
    await wrongOffice.get('/petugas/masuk/');
    const refused = await wrongOffice.logIn(SARI, PASSWORD_B);
    expect(refused.headers.get('location')).not.toBe('/petugas/');

    const sariA = await signedIn(a);
    const borrowed = new OfficerBrowser(b.app);
    borrowed.cookie = sariA.cookie;
    const response = await borrowed.get('/petugas/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/petugas/masuk/');
  });

  test('the same reference number stands in both offices, each its own request', async () => {
    const { a, b } = await twoApps();
    const stored = (t: TestApp, name: string) =>
      t.store.insertRequest(
        request({ name, email: 'siti@contoh.co.id', idempotencyKey: null }),
        [],
      );
    expect((await stored(a, 'Warga Kantor A')).outcome).toBe('created');
    expect((await stored(b, 'Warga Kantor B')).outcome).toBe('created');
    const sariA = await signedIn(a);
    const sariB = await signedIn(b, PASSWORD_B);
    await sariA.get(`/petugas/permintaan/${REFERENCE}/`);
    expect(sariA.lastPage).toContain('Warga Kantor A');
    expect(sariA.lastPage).not.toContain('Warga Kantor B');
    await sariB.get(`/petugas/permintaan/${REFERENCE}/`);
    expect(sariB.lastPage).toContain('Warga Kantor B');
    expect(sariB.lastPage).not.toContain('Warga Kantor A');
    for (const t of [a, b]) {
      const status = await postJson(t.app, '/api/status', {
        reference: REFERENCE,
        email: 'siti@contoh.co.id',
      });
      expect(status.status).toBe(200);
      expect((await status.json()).reference).toBe(REFERENCE);
    }
  });
});
