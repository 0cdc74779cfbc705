/**
 * The SQLite store's thread. node:sqlite is synchronous: on the main thread a locked or slow
 * database would stop every page from being served, so the one connection lives here and the
 * main thread talks to it by messages (sqlite-store.ts).
 *
 * Group commit: writes that arrive while a commit is being written are committed together
 * in the next transaction, each in a savepoint of its own, so one failing write does not fail
 * the others. A caller is answered only once its transaction is durable (WAL with
 * synchronous=FULL), so an acknowledged submission survives a crash or a power cut. Reads are
 * answered at once, between commits.
 */
import type { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type DatabaseOptions } from './sqlite-database.ts';
import {
  sqliteOperations,
  type ReadOperations,
  type WriteOperations,
} from './sqlite-operations.ts';

export interface WorkerOptions extends DatabaseOptions {
  /** The database file, prepared (created and migrated) by the main thread before the worker starts. */
  path: string;
  /** The office whose rows this store reads and writes (office.yaml's code). */
  office: string;
}

export type Request = { id: number; method: string; args: unknown[] } | { type: 'close' };

export interface SerializedError {
  name: string;
  message: string;
  /** SQLite's result code name (SQLITE_BUSY, SQLITE_FULL…), when SQLite raised it. */
  code?: string;
}

export type Reply =
  | { type: 'ready' }
  | { type: 'failed'; error: SerializedError }
  | { type: 'closed' }
  | { id: number; value: unknown }
  | { id: number; error: SerializedError };

// https://www.sqlite.org/rescode.html, primary result codes (the low byte of an extended code).
const RESULT_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  19: 'SQLITE_CONSTRAINT',
  26: 'SQLITE_NOTADB',
};

// Enough to group every write of a burst; small enough that one commit stays short.
const MAX_BATCH = 256;

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const errcode = (error as { errcode?: unknown }).errcode;
  const code =
    typeof errcode === 'number' ? (RESULT_CODES[errcode & 0xff] ?? `SQLITE_${errcode}`) : undefined;
  return { name: error.name, message: error.message, ...(code ? { code } : {}) };
}

const port = parentPort;
if (!port) throw new Error('sqlite-worker.ts runs as a worker thread (see sqlite-store.ts)');

const { path, office, ...options } = workerData as WorkerOptions;
let db: DatabaseSync;
try {
  db = openDatabase(path, options);
} catch (error) {
  port.postMessage({ type: 'failed', error: serialize(error) } satisfies Reply);
  process.exit(1);
}

const { reads, writes } = sqliteOperations(db, office, () => new Date().toISOString());
const pending: { id: number; run: () => unknown }[] = [];
let scheduled = false;

function answer(reply: Reply): void {
  port!.postMessage(reply);
}

function commitPending(): void {
  scheduled = false;
  const batch = pending.splice(0, MAX_BATCH);
  // A batch scheduled before the close was already committed by it.
  if (batch.length === 0) return;
  if (pending.length > 0) schedule();
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    for (const job of batch) answer({ id: job.id, error: serialize(error) });
    return;
  }
  const outcomes: Reply[] = [];
  for (const job of batch) {
    db.exec('SAVEPOINT job');
    try {
      outcomes.push({ id: job.id, value: job.run() });
      db.exec('RELEASE job');
    } catch (error) {
      db.exec('ROLLBACK TO job');
      db.exec('RELEASE job');
      outcomes.push({ id: job.id, error: serialize(error) });
    }
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    // The commit itself failed (disk full, I/O): nothing of the batch is stored.
    try {
      db.exec('ROLLBACK');
    } catch {
      // SQLite may already have rolled back.
    }
    for (const job of batch) answer({ id: job.id, error: serialize(error) });
    return;
  }
  for (const outcome of outcomes) answer(outcome);
}

// After the messages already delivered in this turn: they join the same transaction.
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(commitPending);
}

port.on('message', (message: Request) => {
  if ('type' in message) {
    // Every write already asked for is committed and answered before the connection closes.
    while (pending.length > 0) commitPending();
    db.close();
    answer({ type: 'closed' });
    port.close();
    return;
  }
  const { id, method, args } = message;
  if (Object.hasOwn(writes, method)) {
    const operation = writes[method as keyof WriteOperations] as (...a: unknown[]) => unknown;
    pending.push({ id, run: () => operation(...args) });
    schedule();
    return;
  }
  if (Object.hasOwn(reads, method)) {
    try {
      answer({
        id,
        value: (reads[method as keyof ReadOperations] as (...a: unknown[]) => unknown)(...args),
      });
    } catch (error) {
      answer({ id, error: serialize(error) });
    }
    return;
  }
  answer({ id, error: { name: 'TypeError', message: `unknown store method ${method}` } });
});

answer({ type: 'ready' });
