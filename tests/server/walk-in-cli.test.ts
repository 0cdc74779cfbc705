import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeTestApp, ON_POSTGRES, query, type TestApp } from './harness.ts';
import { OfficerBrowser } from './workspace-client.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ start: new Date().toISOString() });
});
afterEach(() => t.close());

function staff(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/staff.ts', ...args], {
    env: { ...process.env, DATA_DIR: dirname(t.dbPath) },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// The script writes to SQLite in DATA_DIR, the app under test reads the same file.
test.skipIf(ON_POSTGRES)(
  'npm run staff -- kiosk-link prints a one-time URL that pairs one device',
  async () => {
    const made = staff(['kiosk-link', '--label', 'Tablet FO', '--origin', 'http://localhost']);
    expect(made.code).toBe(0);
    const url = /http:\/\/localhost\/loket\/pasang\/\?t=[\w-]+/.exec(made.out)?.[0] ?? '';
    expect(url).not.toBe('');
    const token = new URL(url).searchParams.get('t') ?? '';
    const kiosk = new OfficerBrowser(t.app);
    expect((await kiosk.post('/loket/pasang/', { t: token })).status).toBe(303);
    expect((await kiosk.get('/loket/')).status).toBe(200);
    expect((await new OfficerBrowser(t.app).post('/loket/pasang/', { t: token })).status).toBe(410);
    expect(await query(t.dbPath, 'SELECT label FROM kiosk_devices')).toEqual([
      { label: 'Tablet FO' },
    ]);
  },
);

test('kiosk-link with a bad origin is wrong usage (exit 2)', () => {
  const made = staff(['kiosk-link', '--origin', 'ftp://contoh']);
  expect(made.code).toBe(2);
  expect(made.err).toContain('--origin harus alamat http(s)');
});
