/**
 * Two server processes on one PostgreSQL, as behind a load balancer: hundreds of parallel
 * posts spread over both, some repeating another post's idempotency key (often sent to the
 * other instance), store exactly one request per distinct submission; one of them killed in
 * the middle of a load loses no acknowledged post while the other keeps serving.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgresStore } from '../../src/server/storage/postgres-store.ts';
import { LINK_SECRET, office, tempDir } from './harness.ts';
import {
  acknowledged,
  expectOneRequestPerSubmission,
  postConsultation,
  postReplayMix,
  referenceOf,
  type Outcome,
} from './post-load.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from './test-database.ts';

/** Two spawned servers on a fresh database of their own, for the tests of one describe. */
function twoInstances(): { readonly url: string; readonly servers: SpawnedServer[] } {
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
  return {
    get url() {
      return database.url;
    },
    get servers() {
      return servers;
    },
  };
}

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  const pair = twoInstances();

  test('400 parallel posts over both, 100 of them replays: 300 requests stored, one per key', async () => {
    const answers = await postReplayMix(
      pair.servers.map((server) => server.url),
      'dua',
    );
    expectOneRequestPerSubmission(answers);
    // Both instances stored requests.
    for (const server of [0, 1])
      expect(answers.filter((a) => a.server === server && a.status === 201).length).toBeGreaterThan(
        100,
      );

    const sql = postgres(pair.url, { max: 1, onnotice: () => {} });
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

describe.skipIf(!TEST_DATABASE_URL)('one of two instances killed (SIGKILL) during load', () => {
  const pair = twoInstances();

  test('acknowledged posts are stored once; refused ones, sent again to the survivor, too', async () => {
    const [survivor, victim] = [0, 1];
    type Sent = { key: string; server: number; sentAt: number; first: Outcome; replay?: Outcome };
    const posts: Sent[] = [];
    let running = true;
    // A client behind a load balancer: posts alternate between the instances; one that gets
    // no HTTP answer goes at once, with the same key, to the other instance.
    const load = Array.from({ length: 8 }, async (_, worker) => {
      for (let n = 0; running; n += 1) {
        const key = `bunuh-${worker}-${n}`;
        const server = (worker + n) % 2;
        const sentAt = performance.now();
        const first = await postConsultation(pair.servers[server].url, key, 8_000);
        const replay =
          first.status === null && server === victim
            ? await postConsultation(pair.servers[survivor].url, key, 8_000)
            : undefined;
        posts.push({ key, server, sentAt, first, replay });
      }
    });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(1_000);
    await pair.servers[victim].kill();
    const killedAt = performance.now();
    await sleep(1_500);
    running = false;
    await Promise.all(load);

    // The survivor answered every post it was sent, and kept storing after the kill.
    const toSurvivor = posts.filter((p) => p.server === survivor);
    expect(toSurvivor.filter((p) => p.first.status !== 201)).toEqual([]);
    expect(toSurvivor.filter((p) => p.sentAt > killedAt).length).toBeGreaterThan(10);
    // The killed one acknowledged posts before, then failed at the connection: no HTTP answer
    // at all (reset or refused), never an error status a client could take for a verdict.
    const toVictim = posts.filter((p) => p.server === victim);
    expect(toVictim.filter((p) => p.first.status === 201).length).toBeGreaterThan(0);
    const failed = toVictim.filter((p) => p.first.status !== 201);
    expect(failed.length).toBeGreaterThan(0);
    for (const post of failed) expect(post.first.status).toBeNull();
    // Each failed post was taken by the survivor: stored now (201), or, when the victim had
    // committed it before dying, answered 200 with that reference.
    for (const { replay } of failed)
      expect(replay && acknowledged(replay), `${replay?.key}: ${replay?.status}`).toBe(true);

    const answers = new Map(posts.map((p) => [p.key, p.replay ?? p.first]));
    const store = await openPostgresStore(pair.url, office.code);
    try {
      const { items } = await store.listRequests({ spam: 'include' });
      // Exactly one request per key, under the reference the client was given.
      expect(items).toHaveLength(posts.length);
      expect(new Set(items.map((item) => item.idempotencyKey)).size).toBe(posts.length);
      const stored = new Map(items.map((item) => [item.idempotencyKey, item.reference]));
      for (const [key, answer] of answers) expect(stored.get(key)).toBe(referenceOf(answer));
    } finally {
      await store.close();
    }
  }, 30_000);
});
