/**
 * kill -9 during a stream of submissions, restart on the same data directory: every
 * submission the server acknowledged is there, the database is intact, and clients that
 * retry their unanswered posts with the same key never create a second record. A stop
 * (SIGTERM) lets the posts under way finish before the database closes.
 */
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fixture, ON_POSTGRES, query, STAFF_TOKEN, tempDir } from './harness.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';
import { holdWriteLock } from './write-lock.ts';

const dir = tempDir();
const servers: SpawnedServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.kill();
  dir.remove();
});

function post(url: string, key: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/api/consultations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(fixture('consultation/valid.json')),
    signal,
  });
}

// A spawned server on SQLite in DATA_DIR: kill -9 of its writer thread, the file's integrity
// and a file lock held by another process are SQLite's; skipped on PostgreSQL.
test.skipIf(ON_POSTGRES)(
  'every acknowledged submission survives kill -9',
  async () => {
    const first = await startServer(dir.path);
    servers.push(first);
    const acknowledged = new Map<string, string>();
    const unanswered: string[] = [];
    let next = 0;

    // Four clients post one after another until the server dies under them.
    const client = async () => {
      for (;;) {
        const key = `crash-${String((next += 1)).padStart(5, '0')}`;
        try {
          const response = await post(first.url, key);
          if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
          acknowledged.set(key, (await response.json()).reference);
        } catch {
          unanswered.push(key);
          return;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.kill();
    await Promise.all(clients);
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServer(dir.path);
    servers.push(second);
    for (const [key, reference] of acknowledged) {
      const response = await fetch(`${second.url}/api/staff/requests/${reference}`, {
        headers: { authorization: `Bearer ${STAFF_TOKEN}` },
      });
      expect(response.status, `${key} → ${reference}`).toBe(200);
    }

    // The clients retry what got no answer: stored once, whether or not it had been committed.
    for (const key of unanswered)
      expect([200, 201]).toContain((await post(second.url, key)).status);
    await second.stop();

    const dbPath = join(dir.path, 'pst.sqlite');
    expect(await query(dbPath, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await query(dbPath, 'SELECT COUNT(*) AS n FROM requests')).toEqual([
      { n: acknowledged.size + unanswered.length },
    ]);
    expect(
      await query(dbPath, 'SELECT COUNT(*) AS n FROM requests WHERE idempotency_key IS NULL'),
    ).toEqual([{ n: 0 }]);
  },
  60_000,
);

test.skipIf(ON_POSTGRES)(
  'a stop (SIGTERM) finishes the posts under way, even those whose client gave up',
  async () => {
    const stopDir = tempDir();
    const server = await startServer(stopDir.path);
    servers.push(server);
    const dbPath = join(stopDir.path, 'pst.sqlite');
    expect((await post(server.url, 'stop-first-post')).status).toBe(201);

    // Another process holds the write lock, so the posts are still under way at the stop.
    const lock = await holdWriteLock(dbPath, 1_500);
    const giveUp = new AbortController();
    const keys = Array.from({ length: 8 }, (_, i) => `stop-under-way-${i}`);
    const posts = keys.map((key) => post(server.url, key, giveUp.signal).catch(() => null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lock.holding()).toBe(true);
    const stopped = server.stop();
    giveUp.abort();
    await Promise.all(posts);
    await stopped;

    expect(server.child.exitCode).toBe(0);
    expect(server.output()).not.toContain('database unavailable');
    const stored = (await query(dbPath, 'SELECT idempotency_key AS key FROM requests')).map(
      (row) => row.key,
    );
    expect(stored.sort()).toEqual(['stop-first-post', ...keys].sort());
    stopDir.remove();
  },
  60_000,
);
