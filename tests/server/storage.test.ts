import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite-store.ts';
import type { Store } from '../../src/server/storage/store.ts';
import {
  ON_POSTGRES,
  fixture,
  makeTestApp,
  office,
  postJson,
  query,
  tempDir,
  type TestApp,
  storedRequest,
  appOn,
} from './harness.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function app(): TestApp {
  const t = makeTestApp();
  cleanups.push(t.close);
  return t;
}

const request = storedRequest;

// SQLite's file: its user_version, WAL mode, reopening it; PostgreSQL's migrations are tested in
// store-contract.test.ts.
describe.skipIf(ON_POSTGRES)('migrations', () => {
  test('a new database gets the latest schema version, in WAL mode', async () => {
    const t = app();
    const [version] = await query(t.dbPath, 'PRAGMA user_version');
    expect(version.user_version).toBe(MIGRATIONS.at(-1)?.version);
    expect(await query(t.dbPath, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  test('opening an existing database again keeps its data and migrates nothing twice', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const path = join(dir.path, 'pst.sqlite');
    const first = openSqliteStore(path, office.code);
    await first.insertRequest(request(), []);
    await first.close();
    const second = openSqliteStore(path, office.code);
    expect(await second.findRequest('KS-2611-AAAAAA')).toMatchObject({
      name: 'Siti',
      status: 'baru',
    });
    await second.close();
  });
});

describe('constraints', () => {
  // Written to the SQLite file directly; on PostgreSQL the same constraint decides the
  // concurrent replays of store-contract.test.ts.
  test.skipIf(ON_POSTGRES)(
    'the database itself refuses a second row with the same idempotency key',
    () => {
      const t = app();
      const db = new DatabaseSync(t.dbPath);
      const insert = (reference: string) =>
        db
          .prepare(
            `INSERT INTO requests (office, reference, kind, status, idempotency_key, created_at, due_date, status_changed_at, spam)
           VALUES (?, ?, 'konsultasi', 'baru', 'same-key-0001', 'x', 'x', 'x', 0)`,
          )
          .run(office.code, reference);
      insert('KS-2611-AAAAAA');
      expect(() => insert('KS-2611-BBBBBB')).toThrow(
        /UNIQUE constraint failed: requests.office, requests.kind, requests.idempotency_key/,
      );
      db.close();
    },
  );

  test('one key used for a consultation and for a complaint makes two records', async () => {
    const t = app();
    const key = { 'idempotency-key': 'shared-key-00001' };
    const consultation = await postJson(
      t.app,
      '/api/consultations',
      fixture('consultation/valid.json'),
      key,
    );
    const complaint = await postJson(
      t.app,
      '/api/complaints',
      fixture('complaint/valid.json'),
      key,
    );
    expect([consultation.status, complaint.status]).toEqual([201, 201]);
    expect((await complaint.json()).reference).toMatch(/^PG-/);
  });

  test('a reference that is taken is reported, not overwritten', async () => {
    const t = app();
    await t.store.insertRequest(request(), []);
    expect(await t.store.insertRequest(request({ name: 'Orang lain' }), [])).toEqual({
      outcome: 'reference_taken',
    });
    expect((await t.store.findRequest('KS-2611-AAAAAA'))?.name).toBe('Siti');
  });

  test('a clash of random references is retried with a new one', async () => {
    const t = app();
    let clashes = 1;
    const insertRequest: Store['insertRequest'] = async (...args) =>
      clashes-- > 0 ? { outcome: 'reference_taken' } : t.store.insertRequest(...args);
    // A proxy, not a spread: the test store may be one (harness.ts) with no own methods.
    const clashing = new Proxy(t.store, {
      get: (store, name: keyof Store) => (name === 'insertRequest' ? insertRequest : store[name]),
    });
    const retrying = appOn(clashing, t.clock);
    const response = await postJson(
      retrying,
      '/api/consultations',
      fixture('consultation/valid.json'),
    );
    expect(response.status).toBe(201);
    expect((await t.counts()).requests).toBe(1);
  });

  test('a request, its history and its mail are written together or not at all', async () => {
    const t = app();
    const badMail = {
      to: 'a@b.co',
      subject: 's',
      text: null as unknown as string,
      purpose: 'reply' as const,
    };
    await expect(t.store.insertRequest(request(), [badMail])).rejects.toThrow();
    expect(await t.counts()).toMatchObject({ requests: 0, history: 0, outbox: 0 });
  });
});

describe('outbox leases', () => {
  test('mail claimed by one run is not claimed again until its lease ends', async () => {
    const t = app();
    await t.store.insertRequest(request(), [
      { to: 'a@contoh.co.id', subject: 'A', text: 'a', purpose: 'reply' as const },
      { to: 'b@contoh.co.id', subject: 'B', text: 'b', purpose: 'reply' as const },
    ]);
    const now = '2026-11-02T03:00:00.000Z';
    const lease = '2026-11-02T03:10:00.000Z';
    const first = await t.store.claimDueMail(now, lease, 10);
    expect(first.map((mail) => [mail.to, mail.attempts])).toEqual([
      ['a@contoh.co.id', 1],
      ['b@contoh.co.id', 1],
    ]);
    expect(await t.store.claimDueMail(now, lease, 10)).toEqual([]);
    expect(await t.store.claimDueMail(lease, '2026-11-02T03:20:00.000Z', 10)).toHaveLength(2);
  });
});
