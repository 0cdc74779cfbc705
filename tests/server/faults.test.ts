/**
 * The database fails, the site does not: another process holds the write lock for 8 seconds,
 * or the disk is full. Posts answer 503 with Retry-After and the form again, pages keep being
 * served, /api/health says 503, the log names SQLite's code and nothing a citizen typed, and
 * nothing stored is lost.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mountSite } from '../../src/server/http/static-site.ts';
import {
  ON_POSTGRES,
  fixture,
  formFields,
  makeTestApp,
  postForm,
  postJson,
  tempDir,
  type TestApp,
} from './harness.ts';
import { holdWriteLock } from './write-lock.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  vi.restoreAllMocks();
});

function app(options: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(options);
  cleanups.push(t.close);
  return t;
}

// SQLite's own faults (a file lock held by another process, max_page_count as a full disk);
// PostgreSQL's (read-only, server down) are in store-contract.test.ts.
describe.skipIf(ON_POSTGRES)('another process holds the write lock for 8 seconds', () => {
  test('posts get 503 and the form back, pages and health answer at once, nothing is lost', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = app({ config: { rateLimitPerMinute: 3 } });
    const dist = tempDir();
    cleanups.push(dist.remove);
    mkdirSync(join(dist.path, 'standar-pelayanan'));
    writeFileSync(join(dist.path, 'standar-pelayanan', 'index.html'), '<h1>Standar Pelayanan</h1>');
    mountSite(t.app, dist.path);

    const before = await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    expect(before.status).toBe(201);
    const stored = (await before.json()).reference as string;

    const lock = await holdWriteLock(t.dbPath, 8_000);
    cleanups.push(lock.stop);
    const page = await t.app.request('/standar-pelayanan/');
    expect(page.status).toBe(200);
    expect(lock.holding()).toBe(true);

    const json = await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    expect(json.status).toBe(503);
    expect(json.headers.get('retry-after')).toBe('10');
    expect((await json.json()).error.code).toBe('unavailable');
    const typed = {
      ...formFields(fixture('consultation/valid.json')),
      question: 'Pertanyaan yang saya ketik',
    };
    const form = await postForm(t.app, '/api/consultations', typed);
    expect(form.status).toBe(503);
    const html = await form.text();
    expect(html).toContain('Pertanyaan yang saya ketik</textarea>');
    expect(html).toContain('Formulir belum dapat disimpan karena server sedang sibuk');
    expect((await t.app.request('/api/health')).status).toBe(503);
    expect(lock.holding()).toBe(true);

    // The 503s did not use up the sender's rate limit (3 a minute): more posts still get through.
    await lock.released;
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))).status,
      ).toBe(201);
    }
    expect((await t.app.request('/api/health')).status).toBe(200);
    expect(await t.store.findRequest(stored)).not.toBeNull();
    expect((await t.counts()).requests).toBe(3);

    const log = errors.mock.calls.flat().join('\n');
    expect(log).toContain('SQLITE_BUSY');
    expect(log).not.toContain('siti.rahmawati');
    expect(log).not.toContain('Pertanyaan yang saya ketik');
  }, 30_000);
});

describe.skipIf(ON_POSTGRES)('the disk is full', () => {
  test('posts get 503 with Retry-After, health says 503, and what was stored stays readable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // SQLite's max_page_count gives the same SQLITE_FULL a full disk does.
    const t = app({ storage: { maxPageCount: 40 } });
    const answers: number[] = [];
    for (let i = 0; i < 200 && !answers.includes(503); i += 1) {
      answers.push(
        (await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))).status,
      );
    }
    expect(answers.at(-1)).toBe(503);
    const stored = answers.filter((status) => status === 201).length;
    expect(stored).toBeGreaterThan(0);
    const full = await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('10');
    expect((await t.app.request('/api/health')).status).toBe(503);
    expect((await t.store.listRequests({})).total).toBe(stored);
  });
});
