/**
 * Two server processes on one PostgreSQL, as behind a load balancer: hundreds of parallel
 * posts spread over both, some repeating another post's idempotency key (often sent to the
 * other instance), store exactly one request per distinct submission.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, LINK_SECRET, tempDir } from './harness.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from './test-database.ts';

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const dirs: ReturnType<typeof tempDir>[] = [];
  let servers: SpawnedServer[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    dirs.push(tempDir(), tempDir());
    // Started together: the migrations wait on each other (an advisory lock).
    servers = await Promise.all(
      dirs.map((dir) => startServer(dir.path, { DATABASE_URL: database.url, LINK_SECRET })),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
    for (const dir of dirs) dir.remove();
  });

  test('400 parallel posts over both, 100 of them replays: 300 requests stored, one per key', async () => {
    const keyed = Array.from({ length: 250 }, (_, i) => `dua-${String(i).padStart(4, '0')}`);
    const replays = keyed.slice(0, 50).flatMap((key) => [key, key]);
    const unkeyed = Array<null>(50).fill(null);
    const posts = [...keyed, ...replays, ...unkeyed].sort(() => Math.random() - 0.5);

    const answers = await Promise.all(
      posts.map(async (key, index) => {
        const server = servers[index % 2];
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
          server: index % 2,
          status: response.status,
          reference: (await response.json()).reference as string,
        };
      }),
    );

    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(300);
    // Both instances stored requests.
    for (const server of [0, 1])
      expect(answers.filter((a) => a.server === server && a.status === 201).length).toBeGreaterThan(
        100,
      );
    const referenceOf = new Map<string, string>();
    for (const { key, reference } of answers) {
      if (!key) continue;
      expect(referenceOf.get(key) ?? reference).toBe(reference);
      referenceOf.set(key, reference);
    }
    expect(new Set(answers.map((a) => a.reference)).size).toBe(300);

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const [counts] = await sql`SELECT
        (SELECT COUNT(*)::int FROM requests) AS requests,
        (SELECT COUNT(*)::int FROM history) AS history,
        (SELECT COUNT(*)::int FROM outbox) AS outbox,
        (SELECT COUNT(DISTINCT email)::int FROM citizen_tokens) AS addresses`;
      // Every address is new: each gets its one confirmation mail, whatever the replays.
      expect(counts).toEqual({ requests: 300, history: 300, outbox: 300, addresses: 300 });
    } finally {
      await sql.end();
    }
  });
});
