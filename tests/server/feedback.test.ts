import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixture, makeTestApp, postForm, postJson, query, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

describe('POST /api/feedback', () => {
  test('the page feedback form (no JavaScript) goes back to the page, at #terima-kasih', async () => {
    const response = await postForm(t.app, '/api/feedback', { page: '/faq/biaya/', comment: '', helpful: 'tidak' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/faq/biaya/#terima-kasih');
    expect(query(t.dbPath, 'SELECT page, helpful, comment, spam FROM feedback')).toEqual([
      { page: '/faq/biaya/', helpful: 0, comment: null, spam: 0 },
    ]);
  });

  test('JSON answers 201', async () => {
    const response = await postJson(t.app, '/api/feedback', fixture('feedback/valid.json'));
    expect(response.status).toBe(201);
    expect(query(t.dbPath, 'SELECT helpful FROM feedback')).toEqual([{ helpful: 1 }]);
  });

  test('a one-click answer right after the page appeared is not spam', async () => {
    await postJson(t.app, '/api/feedback', { ...fixture('feedback/valid.json'), form_started_at: t.clock.now().getTime() - 300 });
    expect(query(t.dbPath, 'SELECT spam FROM feedback')).toEqual([{ spam: 0 }]);
  });

  test('a page outside this site is refused, and the error page links home, not there', async () => {
    const response = await postForm(t.app, '/api/feedback', { page: '//evil.example/', helpful: 'ya' });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('<a href="/">Kembali ke halaman formulir</a>');
    expect(page).not.toContain('href="//evil.example/');
    expect(t.counts().feedback).toBe(0);
  });
});
