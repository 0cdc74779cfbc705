/**
 * PostgreSQL crashes and comes back while two instances take posts: during the outage every
 * post is answered at once with 503, Retry-After and the form's Indonesian "coba lagi"
 * message (never a 500, never a hang); after the restart both instances store posts again
 * without being restarted themselves; every acknowledged post is there exactly once, and the
 * refused ones, sent again with their keys, too. The queue feed (LISTEN) hears changes again.
 *
 * The test owns its cluster (scripts/throwaway-postgres.ts) because it stops it: the shared
 * one of scripts/test-postgres.sh serves the other test files meanwhile. It runs in that
 * PostgreSQL run only (TEST_DATABASE_URL set), not again in the SQLite one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  postgresBin,
  startThrowawayCluster,
  type ThrowawayCluster,
} from '../../scripts/throwaway-postgres.ts';
import { errorMessage } from '../../src/server/http/errors.ts';
import { openPostgresStore } from '../../src/server/storage/postgres-store.ts';
import type { QueueChange, Store } from '../../src/server/storage/store.ts';
import { LINK_SECRET, office, tempDir } from './harness.ts';
import { acknowledged, postConsultation, referenceOf, type Outcome } from './post-load.ts';
import { startServer, type SpawnedServer } from './spawned-server.ts';
import { TEST_DATABASE_URL } from './test-database.ts';

const bin = TEST_DATABASE_URL ? postgresBin() : null;
if (TEST_DATABASE_URL && !bin) {
  const problem = 'PostgreSQL: no initdb (PG_BIN, /usr/lib/postgresql/*/bin)';
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`${problem}; REQUIRE_POSTGRES=1.`);
  console.warn(`${problem}; the restart test is SKIPPED.`);
}

// Far above the answers expected (milliseconds, or the client's 5 s connect timeout at worst):
// a post still open this long counts as hung.
const ANSWER_BOUND_MS = 8_000;
const WORKERS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!bin)('a PostgreSQL restart under load', () => {
  let cluster: ThrowawayCluster;
  const dirs: ReturnType<typeof tempDir>[] = [];
  let servers: SpawnedServer[] = [];
  const stores: Store[] = [];

  beforeAll(async () => {
    // fsync off is safe for this crash: the server process dies, the kernel keeps what it was
    // given. synchronous_commit stays on, so an acknowledged commit is in the WAL.
    cluster = await startThrowawayCluster(bin as string, { fsync: 'off' });
    dirs.push(tempDir(), tempDir());
    servers = await Promise.all(
      dirs.map((dir) => startServer(dir.path, { DATABASE_URL: cluster.url, LINK_SECRET })),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(stores.map((store) => store.close()));
    await cluster?.remove();
    for (const dir of dirs) dir.remove();
  });

  // fast: the server ends every session (57P01) and checkpoints; immediate: it dies, sessions
  // are cut (ECONNRESET) and the next start recovers from the WAL.
  test.each(['fast', 'immediate'] as const)(
    'stop -m %s: 503 + Retry-After while down, posts stored again after, none lost; LISTEN resumes',
    async (mode) => {
      const heard: QueueChange[] = [];
      const [listening, announcing] = await Promise.all([
        openPostgresStore(cluster.url, office.code),
        openPostgresStore(cluster.url, office.code),
      ]);
      stores.push(listening, announcing);
      await listening.listenQueueChanges((change) => heard.push(change));
      /** Announces until the listener hears it: the announcing pool may meet the outage's end too. */
      const heardAfterAnnouncing = async (day: string) => {
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          await announcing.announceQueueChange({ kind: 'ambil', day }).catch(() => {});
          await sleep(250);
          if (heard.some((change) => change.day === day)) return true;
        }
        return false;
      };
      expect(await heardAfterAnnouncing(`${mode}-sebelum`)).toBe(true);

      type Timed = Outcome & { server: number; sentAt: number; answeredAt: number };
      const outcomes: Timed[] = [];
      let running = true;
      const load = Array.from({ length: WORKERS }, async (_, worker) => {
        for (let n = 0; running; n += 1) {
          const server = (worker + n) % 2;
          const sentAt = performance.now();
          const outcome = await postConsultation(
            servers[server].url,
            `${mode}-${worker}-${n}`,
            ANSWER_BOUND_MS * 2,
          );
          outcomes.push({ ...outcome, server, sentAt, answeredAt: performance.now() });
        }
      });

      await sleep(1_000);
      await cluster.stop(mode);
      const down = performance.now();
      await sleep(2_000);
      const restarting = performance.now();
      await cluster.start();
      const up = performance.now();
      const storedSinceRestart = (server: number) =>
        outcomes.filter((o) => o.server === server && o.sentAt > up && o.status === 201).length;
      // Until both instances have stored posts sent after the restart, or 10 s.
      for (let waited = 0; waited < 10_000; waited += 200) {
        if (storedSinceRestart(0) > 0 && storedSinceRestart(1) > 0) break;
        await sleep(200);
      }
      running = false;
      await Promise.all(load);

      // Every post was answered, in time, with an acknowledgement or a 503: no 500, no reset.
      const unanswered = outcomes.filter((o) => o.status === null);
      expect(unanswered.slice(0, 3), `${unanswered.length} posts without an answer`).toEqual([]);
      expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([201, 503]));
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(ANSWER_BOUND_MS);

      // Posts sent and answered while the server was down: all 503, saying when to try again.
      const duringOutage = outcomes.filter((o) => o.sentAt > down && o.answeredAt < restarting);
      for (const server of [0, 1])
        expect(duringOutage.filter((o) => o.server === server)).not.toEqual([]);
      for (const outcome of duringOutage) {
        expect(outcome.status).toBe(503);
        if (outcome.status === null) continue;
        expect(outcome.retryAfter).toMatch(/^[1-9]\d*$/);
        expect(outcome.body).toEqual({
          error: { code: 'unavailable', message: errorMessage('unavailable', 'id') },
        });
      }

      // Both instances reconnected on their own.
      expect(storedSinceRestart(0)).toBeGreaterThan(0);
      expect(storedSinceRestart(1)).toBeGreaterThan(0);

      // The citizen's client sends each refused post again, with its key, to the other instance
      // (one committed just as the server went down answers 200 and its reference).
      const answers = new Map<string, Outcome>();
      for (const outcome of outcomes) if (acknowledged(outcome)) answers.set(outcome.key, outcome);
      const refused = outcomes.filter((o) => !acknowledged(o));
      const replays = await Promise.all(
        refused.map((o) => postConsultation(servers[1 - o.server].url, o.key, ANSWER_BOUND_MS)),
      );
      for (const replay of replays) {
        expect(acknowledged(replay), `${replay.key}: ${replay.status}`).toBe(true);
        answers.set(replay.key, replay);
      }

      // Read back through the Store: one request per key, under the reference acknowledged.
      const { items } = await announcing.listRequests({ spam: 'include' });
      const ours = items.filter((item) => item.idempotencyKey?.startsWith(`${mode}-`));
      expect(ours).toHaveLength(outcomes.length);
      const stored = new Map(ours.map((item) => [item.idempotencyKey, item.reference]));
      expect(answers.size).toBe(outcomes.length);
      for (const [key, answer] of answers) expect(stored.get(key)).toBe(referenceOf(answer));

      // The queue feed's LISTEN connection came back with the server.
      expect(await heardAfterAnnouncing(`${mode}-sesudah`)).toBe(true);
    },
    60_000,
  );
});
