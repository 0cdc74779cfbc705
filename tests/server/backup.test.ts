/**
 * Backups of a live database: `npm run backup` while the server takes a write load gives a
 * file that passes SQLite's integrity check and holds every submission acknowledged before
 * the backup started; `npm run restore` puts it back, and refuses while the server runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, test } from 'vitest';
import { fixture, ON_POSTGRES, tempDir } from './harness.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function submit(server: SpawnedServer, i: number): Promise<string> {
  const response = await fetch(`${server.url}/api/consultations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': `cadangan-${i}`,
    },
    body: JSON.stringify(fixture('consultation/valid.json')),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

function script(name: string, file: string, dataDir: string) {
  return spawnSync(process.execPath, [`scripts/${name}.ts`, file], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

// npm run backup / restore copy SQLite's file; PostgreSQL is backed up with pg_dump (README).
test.skipIf(ON_POSTGRES)(
  'a backup taken under a write load is whole and holds every submission acknowledged before it',
  async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const server = await startServer(data.path);
    cleanups.push(server.stop);

    const acknowledged: string[] = [];
    for (let i = 0; i < 40; i += 1) acknowledged.push(await submit(server, i));
    // The load goes on while the backup runs.
    let running = true;
    const load = (async () => {
      for (let i = 1_000; running; i += 1) await submit(server, i);
    })();
    const backup = join(data.path, 'cadangan.sqlite');
    const result = script('backup', backup, data.path);
    running = false;
    await load;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('pemeriksaan integritas ok');

    const copy = new DatabaseSync(backup, { readOnly: true });
    try {
      expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const references = new Set(
        (copy.prepare('SELECT reference FROM requests').all() as { reference: string }[]).map(
          (row) => row.reference,
        ),
      );
      expect(acknowledged.filter((reference) => !references.has(reference))).toEqual([]);
    } finally {
      copy.close();
    }
  },
);

test.skipIf(ON_POSTGRES)(
  'a restore is refused while the server runs, and puts the backup back once it is stopped',
  async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    let server = await startServer(data.path);
    const kept = await submit(server, 1);
    const backup = join(data.path, 'cadangan.sqlite');
    expect(script('backup', backup, data.path).status).toBe(0);
    const later = await submit(server, 2);

    const refused = script('restore', backup, data.path);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('sedang dipakai. Hentikan server dulu');

    await server.stop();
    const restored = script('restore', backup, data.path);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Yang lama disimpan sebagai');

    server = await startServer(data.path);
    cleanups.push(server.stop);
    const lookup = (reference: string) =>
      fetch(`${server.url}/api/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ reference, email: fixture('consultation/valid.json').email }),
      });
    expect((await lookup(kept)).status).toBe(200);
    expect((await lookup(later)).status).toBe(404);
  },
);
