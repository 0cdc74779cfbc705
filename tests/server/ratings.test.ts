import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fixture,
  formFields,
  makeTestApp,
  postForm,
  postJson,
  query,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

// Without a reference: a request is rated once, and these are many people's ratings.
const answers = (...values: number[]) => ({
  ...fixture('rating/valid.json'),
  reference: '',
  ...Object.fromEntries(values.map((value, i) => [`u${i + 1}`, value])),
});

describe('POST /api/ratings', () => {
  test('stores the nine answers', async () => {
    const response = await postJson(t.app, '/api/ratings', fixture('rating/valid.json'));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ receivedAt: '2026-11-02T03:00:00.000Z' });
    expect(await query(t.dbPath, 'SELECT u1, u9, reference, comment FROM ratings')).toEqual([
      { u1: 4, u9: 3, reference: 'KS-2611-7K3QX9', comment: 'Petugas sangat membantu.' },
    ]);
  });

  test('a plain form post goes on to the thank-you page', async () => {
    const response = await postForm(
      t.app,
      '/api/ratings',
      formFields(fixture('rating/valid.json')),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/penilaian/terkirim/');
  });

  test('every unanswered element is named', async () => {
    const response = await postJson(t.app, '/api/ratings', { u1: 4 });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.fields)).toEqual([
      'u2',
      'u3',
      'u4',
      'u5',
      'u6',
      'u7',
      'u8',
      'u9',
    ]);
  });

  test('a replayed key stores one rating', async () => {
    const headers = { 'idempotency-key': 'rating-key-000001' };
    await postJson(t.app, '/api/ratings', fixture('rating/valid.json'), headers);
    const again = await postJson(t.app, '/api/ratings', fixture('rating/valid.json'), headers);
    expect(again.status).toBe(200);
    expect((await t.counts()).ratings).toBe(1);
  });
});

describe('GET /api/ikm', () => {
  test('no ratings yet: no index', async () => {
    const body = await (await t.app.request('/api/ikm')).json();
    expect(body).toMatchObject({ count: 0, index: null, band: null });
  });

  test('the index and band of the stored ratings, spam left out', async () => {
    await postJson(t.app, '/api/ratings', answers(4, 4, 4, 4, 4, 4, 4, 4, 4));
    await postJson(t.app, '/api/ratings', answers(3, 3, 3, 3, 3, 3, 3, 3, 3));
    await postJson(t.app, '/api/ratings', {
      ...answers(1, 1, 1, 1, 1, 1, 1, 1, 1),
      website: 'bot',
    });
    const response = await t.app.request('/api/ikm');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = await response.json();
    // Means 3.5 each: 9 × 3.5 × 0.111 × 25 = 87.4125 → 87.41, band B.
    expect(body).toMatchObject({ count: 2, index: 87.41, band: { grade: 'B', label: 'Baik' } });
    expect(body.elements[0]).toEqual({ code: 'U1', name: 'Persyaratan', mean: 3.5 });
  });

  test('a period counts Jakarta calendar days, both ends included', async () => {
    t.clock.set('2026-10-31T18:00:00.000Z'); // 1 November 01:00 WIB
    await postJson(t.app, '/api/ratings', answers(4, 4, 4, 4, 4, 4, 4, 4, 4));
    t.clock.set('2026-11-30T16:59:00.000Z'); // 30 November 23:59 WIB
    await postJson(t.app, '/api/ratings', answers(2, 2, 2, 2, 2, 2, 2, 2, 2));
    t.clock.set('2026-11-30T17:00:00.000Z'); // 1 December 00:00 WIB
    await postJson(t.app, '/api/ratings', answers(1, 1, 1, 1, 1, 1, 1, 1, 1));
    const body = await (await t.app.request('/api/ikm?from=2026-11-01&to=2026-11-30')).json();
    expect(body).toMatchObject({ count: 2, from: '2026-11-01', to: '2026-11-30', index: 74.93 });
  });

  test('a malformed period is a 400 naming the parameter', async () => {
    const response = await t.app.request('/api/ikm?from=kemarin');
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty('from');
  });
});
