/**
 * POST /api/search-events (the search page's beacon) and GET /api/staff/search-gaps: failed
 * searches reach the staff as daily counts, without personal data.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanSearchQuery } from '../../src/server/domain/search-gaps.ts';
import { purgeExpiredData } from '../../src/server/domain/sweeps.ts';
import {
  ON_POSTGRES,
  fixture,
  formFields,
  makeTestApp,
  office,
  postBeacon,
  postJson,
  query,
  staffRequest,
  type TestApp,
} from './harness.ts';

const DAY = 24 * 3_600_000;
const PATH = '/api/search-events';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const report = (fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  postBeacon(
    t.app,
    PATH,
    formFields({ ...fixture('search-event/valid.json'), ...fields }),
    headers,
  );
const rows = () => query(t.dbPath, 'SELECT * FROM search_queries ORDER BY day, query');

describe('the beacon', () => {
  test('a reported search is counted for its day and answered 204 without a body', async () => {
    const response = await report();
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await rows()).toEqual([
      {
        office: office.code,
        day: '2026-11-02',
        query: 'kantor bps mana',
        searches: 1,
        empty: 1,
        partial: 0,
        opened: 0,
        asked: 1,
      },
    ]);
  });

  test('the same query adds to one row per day; JSON is read as well', async () => {
    await report({ results: 4, partial: '1', outcome: 'dibuka' });
    await postJson(t.app, PATH, { query: 'Kantor  BPS mana', results: 2, outcome: 'dibiarkan' });
    t.clock.advance(DAY);
    await report();
    expect(
      (await rows()).map(({ day, searches, empty, partial, opened, asked }) => ({
        day,
        searches,
        empty,
        partial,
        opened,
        asked,
      })),
    ).toEqual([
      { day: '2026-11-02', searches: 2, empty: 0, partial: 1, opened: 1, asked: 0 },
      { day: '2026-11-03', searches: 1, empty: 1, partial: 0, opened: 0, asked: 1 },
    ]);
  });

  test('nothing but the office, the day, the query and counts is stored: no address, no identifier, no time', async () => {
    const columns = await query(
      t.dbPath,
      ON_POSTGRES
        ? 'SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position'
        : 'SELECT name FROM pragma_table_info(?)',
      'search_queries',
    );
    // Sorted: PostgreSQL adds the office column last, SQLite rebuilt the table with it first.
    expect(columns.map((column) => column.name).sort()).toEqual([
      'asked',
      'day',
      'empty',
      'office',
      'opened',
      'partial',
      'query',
      'searches',
    ]);
  });

  test('email addresses, phone numbers and long numbers are removed before counting', async () => {
    await report({ query: 'status siti.rahma@gmail.com 0812-3456-7890 nik 1471020304050006' });
    await report({ query: 'hubungi +62 812 3456 7890 atau (0766) 21234' });
    expect((await rows()).map((row) => row.query)).toEqual(['hubungi atau', 'status nik']);
  });

  test('a query that was only personal data is not counted at all', async () => {
    expect((await report({ query: '081234567890' })).status).toBe(204);
    expect((await report({ query: 'nama@contoh.co.id' })).status).toBe(204);
    expect(await rows()).toEqual([]);
  });

  test('a cross-site post is refused and nothing is counted', async () => {
    const response = await report({}, { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden_origin');
    expect(await rows()).toEqual([]);
  });

  test('a report that does not match is refused with the field named', async () => {
    const wrong = await report({ outcome: 'klik', results: '-1' });
    expect(wrong.status).toBe(422);
    expect(Object.keys((await wrong.json()).error.fields).sort()).toEqual(['outcome', 'results']);
    const text = await t.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'kantor',
    });
    expect(text.status).toBe(415);
    expect(await rows()).toEqual([]);
  });

  test('reports are limited per address apart from the forms, which keep their own allowance', async () => {
    t.close();
    t = makeTestApp({ config: { rateLimitPerMinute: 2 } });
    expect((await report()).status).toBe(204);
    expect((await report()).status).toBe(204);
    const limited = await report();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postJson(t.app, '/api/feedback', fixture('feedback/valid.json'))).status).toBe(
      201,
    );
    expect((await rows())[0].searches).toBe(2);
  });
});

describe('cleaning a query', () => {
  test('keeps years, short numbers and words; cuts to 100 characters', () => {
    expect(cleanSearchQuery('Data kemiskinan 2020 2021, 7 hari')).toBe(
      'data kemiskinan 2020 2021, 7 hari',
    );
    expect(cleanSearchQuery(`${'kata '.repeat(30)}akhir`)).toHaveLength(99);
    expect(cleanSearchQuery('😀'.repeat(120))).toBe('😀'.repeat(100));
  });

  test('removes invisible characters and everything around an "@"', () => {
    expect(cleanSearchQuery('biaya\u200b\u0000 saya@ kirim @x')).toBe('biaya kirim');
  });
});

describe('the staff list of failed searches', () => {
  async function searchesOfAWeek() {
    for (const fields of [
      { query: 'kantor bps mana', results: 0, outcome: 'konsultasi' },
      { query: 'kantor bps mana', results: 0, outcome: 'dibiarkan' },
      { query: 'data inflasi pekanbaru', results: 5, partial: '1', outcome: 'konsultasi' },
      { query: 'biaya', results: 9, outcome: 'dibuka' },
    ])
      await report(fields);
    t.clock.advance(7 * DAY);
    await report({ query: 'jam buka', results: 0, outcome: 'dibiarkan' });
  }

  test('lists the queries that found nothing or only some words, and those that led to asking', async () => {
    await searchesOfAWeek();
    const response = await staffRequest(t.app, '/search-gaps?from=2026-11-01');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ from: '2026-11-01', to: null, sampleRate: 0.5, searches: 5 });
    expect(body.unanswered.map((gap: { query: string }) => gap.query)).toEqual([
      'kantor bps mana',
      'data inflasi pekanbaru',
      'jam buka',
    ]);
    expect(body.unanswered[0]).toEqual({
      query: 'kantor bps mana',
      searches: 2,
      empty: 2,
      partial: 0,
      opened: 0,
      asked: 1,
    });
    // As often asked after: the more searched first.
    expect(body.asked.map((gap: { query: string }) => gap.query)).toEqual([
      'kantor bps mana',
      'data inflasi pekanbaru',
    ]);
  });

  test('the period is in days, Asia/Jakarta, both ends included', async () => {
    await searchesOfAWeek();
    const body = await (
      await staffRequest(t.app, '/search-gaps?from=2026-11-09&to=2026-11-09')
    ).json();
    expect(body.searches).toBe(1);
    expect(body.unanswered.map((gap: { query: string }) => gap.query)).toEqual(['jam buka']);
  });

  test('needs the staff token, and a date in the form YYYY-MM-DD', async () => {
    expect((await t.app.request('/api/staff/search-gaps')).status).toBe(401);
    const bad = await staffRequest(t.app, '/search-gaps?from=kemarin');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty('from');
  });

  test('the counts are purged with the retention period', async () => {
    await searchesOfAWeek();
    t.clock.advance(office.retentionDays * DAY - 3 * DAY);
    await purgeExpiredData({ ...t, retentionDays: office.retentionDays });
    expect((await rows()).map((row) => row.day)).toEqual(['2026-11-09']);
  });
});
