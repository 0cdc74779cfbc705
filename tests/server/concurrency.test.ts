/**
 * Hundreds of parallel submissions over real HTTP against a spawned server, some repeating
 * an idempotency key: the stored count is exactly the number of distinct submissions.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ON_POSTGRES, query, tempDir } from './harness.ts';
import { expectOneRequestPerSubmission, postReplayMix } from './post-load.ts';
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
    expectOneRequestPerSubmission(await postReplayMix([server.url], 'paralel'));

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
