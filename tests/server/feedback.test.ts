import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fixture,
  makeTestApp,
  postForm,
  postJson,
  query,
  staffRequest,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

describe('POST /api/feedback', () => {
  test('the page feedback form (no JavaScript) goes back to the page, at #terima-kasih', async () => {
    const response = await postForm(t.app, '/api/feedback', {
      page: '/faq/biaya/',
      comment: '',
      helpful: 'tidak',
      website: '',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/faq/biaya/#terima-kasih');
    expect(await query(t.dbPath, 'SELECT page, helpful, comment, spam FROM feedback')).toEqual([
      { page: '/faq/biaya/', helpful: 0, comment: null, spam: 0 },
    ]);
  });

  test('JSON answers 201', async () => {
    const response = await postJson(t.app, '/api/feedback', fixture('feedback/valid.json'));
    expect(response.status).toBe(201);
    expect(await query(t.dbPath, 'SELECT helpful FROM feedback')).toEqual([{ helpful: 1 }]);
  });

  test('a one-click answer right after the page appeared is not spam', async () => {
    await postJson(t.app, '/api/feedback', {
      ...fixture('feedback/valid.json'),
      form_started_at: t.clock.now().getTime() - 300,
    });
    expect(await query(t.dbPath, 'SELECT spam FROM feedback')).toEqual([{ spam: 0 }]);
  });

  test('a page outside this site is refused, and the error page links home, not there', async () => {
    const response = await postForm(t.app, '/api/feedback', {
      page: '//evil.example/',
      helpful: 'ya',
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('<a href="/">Kembali ke halaman formulir</a>');
    expect(page).not.toContain('href="//evil.example/');
    expect((await t.counts()).feedback).toBe(0);
  });
});

describe('answers that spared a consultation request', () => {
  test('a suggested answer marked as helpful is stored with its context', async () => {
    const response = await postJson(t.app, '/api/feedback', {
      page: '/faq/biaya/',
      helpful: true,
      context: 'saran_konsultasi',
    });
    expect(response.status).toBe(201);
    expect(await query(t.dbPath, 'SELECT page, helpful, context FROM feedback')).toEqual([
      { page: '/faq/biaya/', helpful: 1, context: 'saran_konsultasi' },
    ]);
  });

  test('an unknown context is refused and nothing is stored', async () => {
    const response = await postJson(t.app, '/api/feedback', {
      page: '/faq/biaya/',
      helpful: true,
      context: 'lain',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toHaveProperty('context');
    expect((await t.counts()).feedback).toBe(0);
  });
});

describe('GET /api/staff/feedback', () => {
  test('counts answers per page, least helpful first, with the newest comments', async () => {
    const send = (body: Record<string, unknown>) =>
      postJson(t.app, '/api/feedback', { website: '', ...body });
    await send({ page: '/faq/biaya/', helpful: true });
    await send({ page: '/faq/biaya/', helpful: true, context: 'saran_konsultasi' });
    await send({ page: '/kontak/', helpful: false, comment: 'Jam buka tidak ada' });
    await send({ page: '/kontak/', helpful: false, comment: 'Peta tidak ada' });
    await send({ page: '/kontak/', helpful: true, website: 'http://spam.example' });
    const { items } = await (await staffRequest(t.app, '/feedback')).json();
    expect(items).toEqual([
      {
        page: '/kontak/',
        helpful: 0,
        notHelpful: 2,
        answeredQuestions: 0,
        comments: ['Peta tidak ada', 'Jam buka tidak ada'],
      },
      { page: '/faq/biaya/', helpful: 1, notHelpful: 0, answeredQuestions: 1, comments: [] },
    ]);
  });

  test('needs the staff token', async () => {
    expect((await t.app.request('/api/staff/feedback')).status).toBe(401);
  });
});
