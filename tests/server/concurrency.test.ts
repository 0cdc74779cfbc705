/**
 * Hundreds of parallel submissions over real HTTP against a spawned server, some repeating
 * an idempotency key: the stored count is exactly the number of distinct submissions.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, ON_POSTGRES, query, tempDir } from './harness.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';

const dir = tempDir();
let server: SpawnedServer;
beforeAll(async () => {
  server = await startServer(dir.path);
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

// A spawned server on SQLite in DATA_DIR; on PostgreSQL the same races are decided in
// store-contract.test.ts.
test.skipIf(ON_POSTGRES)(
  '400 parallel posts, 100 of them replays: 300 requests stored, one per key',
  async () => {
    const keyed = Array.from({ length: 250 }, (_, i) => `paralel-${String(i).padStart(4, '0')}`);
    const replays = keyed.slice(0, 50).flatMap((key) => [key, key]);
    const unkeyed = Array<null>(50).fill(null);
    const posts = [...keyed, ...replays, ...unkeyed].sort(() => Math.random() - 0.5);

    const answers = await Promise.all(
      posts.map(async (key, index) => {
        const response = await fetch(`${server.url}/api/consultations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(key ? { 'idempotency-key': key } : {}),
          },
          // An address each: acknowledgements to one address are limited per hour.
          body: JSON.stringify({
            ...fixture('consultation/valid.json'),
            email: `warga${key ?? index}@contoh.co.id`,
          }),
        });
        return {
          key,
          status: response.status,
          reference: (await response.json()).reference as string,
        };
      }),
    );

    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(300);
    const referenceOf = new Map<string, string>();
    for (const { key, reference } of answers) {
      if (!key) continue;
      expect(referenceOf.get(key) ?? reference).toBe(reference);
      referenceOf.set(key, reference);
    }
    expect(new Set(answers.map((a) => a.reference)).size).toBe(300);

    await server.stop();
    const dbPath = join(dir.path, 'pst.sqlite');
    expect(await query(dbPath, 'SELECT COUNT(*) AS n FROM requests')).toEqual([{ n: 300 }]);
    expect(await query(dbPath, 'SELECT COUNT(*) AS n FROM history')).toEqual([{ n: 300 }]);
    // Every address is new: each gets its one confirmation mail, whatever the replays.
    expect(await query(dbPath, 'SELECT COUNT(*) AS n FROM outbox')).toEqual([{ n: 300 }]);
    expect(await query(dbPath, 'SELECT COUNT(DISTINCT email) AS n FROM citizen_tokens')).toEqual([
      { n: 300 },
    ]);
  },
  60_000,
);
