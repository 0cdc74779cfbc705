import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { followUpConversations, purgeExpiredData } from '../../src/server/domain/sweeps.ts';
import {
  CONFIRMED_BY_DEFAULT,
  fixture,
  makeTestApp,
  office,
  postJson,
  query,
  staffRequest,
  standard,
  type TestApp,
} from './harness.ts';

const DAY = 24 * 3_600_000;

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ confirmed: [...CONFIRMED_BY_DEFAULT, 'baru@contoh.co.id'] });
});
afterEach(() => t.close());

async function submit(body = fixture('consultation/valid.json')): Promise<string> {
  return (await (await postJson(t.app, '/api/consultations', body)).json()).reference;
}

const closeIdle = async () => (await followUpConversations(t.deps)).closed;

const statusOf = async (reference: string) => (await t.store.findRequest(reference))?.status;

describe('auto-close after 7 days waiting on the citizen', () => {
  test('closes exactly when 7 days have passed since the reply', async () => {
    const reference = await submit();
    await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Mohon lengkapi tahun datanya.' },
    });

    t.clock.advance(7 * DAY - 60_000);
    expect(await closeIdle()).toEqual([]);
    expect(await statusOf(reference)).toBe('menunggu_pengguna');

    t.clock.advance(60_000);
    expect(await closeIdle()).toEqual([reference]);
    expect(await statusOf(reference)).toBe('selesai');
    expect(
      await query(t.dbPath, 'SELECT actor, status, event FROM history ORDER BY id DESC LIMIT 1'),
    ).toEqual([
      {
        actor: 'sistem',
        status: 'selesai',
        event: `Ditutup otomatis: tidak ada tanggapan selama ${standard.limits.autoCloseDays} hari`,
      },
    ]);
  });

  test('a second reply starts the 7 days again', async () => {
    const reference = await submit();
    await staffRequest(t.app, `/requests/${reference}/replies`, { body: { message: 'Pertama.' } });
    t.clock.advance(5 * DAY);
    await staffRequest(t.app, `/requests/${reference}/replies`, { body: { message: 'Kedua.' } });
    t.clock.advance(3 * DAY);
    expect(await closeIdle()).toEqual([]);
    t.clock.advance(4 * DAY);
    expect(await closeIdle()).toEqual([reference]);
  });

  test('requests in other states are left alone', async () => {
    const fresh = await submit();
    const inProgress = await submit();
    await staffRequest(t.app, `/requests/${inProgress}/status`, { body: { status: 'diproses' } });
    t.clock.advance(30 * DAY);
    expect(await closeIdle()).toEqual([]);
    expect([await statusOf(fresh), await statusOf(inProgress)]).toEqual(['baru', 'diproses']);
  });
});

describe('retention', () => {
  const purge = () => purgeExpiredData({ ...t, retentionDays: office.retentionDays });

  test('personal data of requests closed more than RETENTION_DAYS ago is erased', async () => {
    const closedLongAgo = await submit();
    await staffRequest(t.app, `/requests/${closedLongAgo}/status`, { body: { status: 'selesai' } });
    t.clock.advance(200 * DAY);
    const closedRecently = await submit();
    await staffRequest(t.app, `/requests/${closedRecently}/status`, {
      body: { status: 'selesai' },
    });
    const stillOpen = await submit();

    t.clock.advance(166 * DAY);
    expect(await purge()).toBe(1);
    const rows = await query(
      t.dbPath,
      'SELECT reference, name, CASE WHEN erased_at IS NULL THEN 0 ELSE 1 END AS erased FROM requests ORDER BY id',
    );
    expect(rows).toEqual([
      { reference: closedLongAgo, name: null, erased: 1 },
      { reference: closedRecently, name: 'Siti Rahmawati', erased: 0 },
      { reference: stillOpen, name: 'Siti Rahmawati', erased: 0 },
    ]);
    expect(await purge()).toBe(0);
  });

  test('spam is erased after the same period, even though it is never closed', async () => {
    await submit({ ...fixture('consultation/valid.json'), website: 'bot' });
    t.clock.advance(366 * DAY);
    expect(await purge()).toBe(1);
  });

  test('sent mail older than the period is deleted; unsent mail is kept', async () => {
    const old = await submit();
    await staffRequest(t.app, `/requests/${old}/status`, { body: { status: 'selesai' } });
    const [first] = await t.store.listOutbox({ pendingOnly: true });
    await t.store.markMailSent(first.id, t.clock.now().toISOString());
    t.clock.advance(200 * DAY);
    const recent = await submit({
      ...fixture('consultation/valid.json'),
      email: 'baru@contoh.co.id',
    });
    t.clock.advance(166 * DAY);
    await purge();
    const mails = await t.store.listOutbox({ pendingOnly: false });
    // The old request is erased with its mail; the recent one keeps its unsent mail.
    expect(mails.map((mail) => [mail.to, mail.sentAt])).toEqual([
      ['baru@contoh.co.id', null],
      ['petugas@contoh.go.id', null],
    ]);
    expect((await t.store.findRequest(recent))?.email).toBe('baru@contoh.co.id');
  });

  test('a request never closed is erased once its last activity is older than the period', async () => {
    const reference = await submit();
    t.clock.advance(300 * DAY);
    await staffRequest(t.app, `/requests/${reference}/status`, {
      body: { status: 'diproses', note: 'masih dicari' },
    });
    t.clock.advance(300 * DAY);
    expect(await purge()).toBe(0);
    t.clock.advance(66 * DAY);
    expect(await purge()).toBe(1);
    expect((await t.store.findRequest(reference))?.email).toBeUndefined();
  });

  test('rating and page-feedback comments older than the period are cleared', async () => {
    await postJson(t.app, '/api/ratings', {
      ...fixture('rating/valid.json'),
      comment: 'Petugas bernama Budi ramah',
    });
    await postJson(t.app, '/api/feedback', {
      page: '/faq/biaya/',
      helpful: false,
      comment: 'Hubungi saya di 0812',
    });
    t.clock.advance(366 * DAY);
    await purge();
    expect(
      await query(t.dbPath, 'SELECT comment FROM ratings UNION ALL SELECT comment FROM feedback'),
    ).toEqual([{ comment: null }, { comment: null }]);
  });
});
