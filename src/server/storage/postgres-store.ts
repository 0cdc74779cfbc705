/**
 * The Store on PostgreSQL (DATABASE_URL=postgres://…), for several instances sharing one
 * database. The client is `postgres` (porsager/postgres): no dependencies, a pool built in,
 * prepared statements cached per connection, and errors that carry SQLSTATE codes; `pg` would
 * need pg-pool and @types/pg beside it for the same. The SQL lives in postgres-operations.ts
 * and its siblings; this module owns the pool, the transactions and what an error means.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { queryOn, type Query, type Transaction } from './postgres-query.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { postgresOperations } from './postgres-operations.ts';
import { StoreUnavailableError, type QueueChange, type Store } from './store.ts';

export interface PostgresOptions {
  /** Connections per instance; PostgreSQL's default max_connections (100) is shared by all instances. */
  poolSize?: number;
}

const POOL_SIZE = 10;
const QUEUE_CHANNEL = 'pst_antrean';
// As SQLite's busy timeout: a write waiting this long for a row another transaction holds
// answers 503 "coba lagi" instead of hanging the citizen's post.
const LOCK_TIMEOUT_MS = 2_000;
// An unreachable server is reported within seconds, not after the client's default 30 s.
const CONNECT_TIMEOUT_S = 5;
// After failed connections the client waits before dialling again, and a query waits with it:
// by default up to 20 s once a restart has refused a few attempts, which would hang posts
// past the outage and delay the recovery. Capped at 1 s (seconds, as the client counts).
const reconnectDelay = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

// SQLSTATE classes and codes meaning "the database cannot be used just now"
// (https://www.postgresql.org/docs/15/errcodes-appendix.html); everything else is a bug (500).
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);
const UNAVAILABLE_CODES = new Set([
  '25006', // read_only_sql_transaction: a standby, or default_transaction_read_only
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available: LOCK_TIMEOUT_MS passed
]);
// The client's own codes when no server answers (postgres/src/errors.js) and Node's socket errors.
const CLIENT_UNAVAILABLE = /^(CONNECTION_|CONNECT_TIMEOUT|E[A-Z]+$)/;

function unavailable(error: unknown): StoreUnavailableError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (error instanceof postgres.PostgresError) {
    return UNAVAILABLE_CLASSES.has(code.slice(0, 2)) || UNAVAILABLE_CODES.has(code)
      ? new StoreUnavailableError(`PG_${code}`, error.message)
      : null;
  }
  return CLIENT_UNAVAILABLE.test(code) ? new StoreUnavailableError(code, error.message) : null;
}

/** The session is over: the server ended it (FATAL, e.g. 57P01 at a shutdown) or the socket closed. */
function connectionLost(error: unknown): boolean {
  if (error instanceof postgres.PostgresError)
    return error.severity === 'FATAL' || error.severity === 'PANIC';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CLIENT_UNAVAILABLE.test(code);
}

// postgres.js answers a transaction whose work throws with a ROLLBACK, sent even down a
// connection that has just closed, and then crashes the whole process writing to the closed
// socket (porsager/postgres#1154, #1208; unfixed in 3.4.10, seen in the restart test). So a
// statement that fails because the session is over never settles inside the transaction:
// sql.begin rejects on its own when that connection closes (CONNECTION_CLOSED), nothing more
// is sent on it, and the server has rolled the transaction back with the session.
const onlyWhileConnected =
  (query: Query): Query =>
  (text, params) =>
    query(text, params).catch((error: unknown) =>
      connectionLost(error) ? new Promise<never>(() => {}) : Promise.reject(error),
    );

// postgres.js keeps the FATAL error that ended a connection during a statement and hands it
// to the first statement on that connection once it has reconnected (porsager/postgres#1223):
// after a restart the first statement on each pooled connection would fail with 57P01 though
// the server is back. A statement answered with these was not run or rolled back with its
// session, so it is sent once more, on a connection that dials again if it must.
const SESSION_ENDED = new Set(['57P01', '57P02']); // admin_shutdown, crash_shutdown

function sessionEnded(error: unknown): boolean {
  return error instanceof postgres.PostgresError && SESSION_ENDED.has(error.code);
}

const onceMoreIfSessionEnded =
  (query: Query): Query =>
  (text, params) =>
    query(text, params).catch((error: unknown) =>
      sessionEnded(error) ? query(text, params) : Promise.reject(error),
    );

/**
 * The store of one office (its code) over the database at `url`, which other offices' instances
 * may share; the schema is migrated before the store is returned (a failure throws, naming the
 * problem).
 */
export async function openPostgresStore(
  url: string,
  office: string,
  options: PostgresOptions = {},
): Promise<Store> {
  const sql = postgres(url, {
    max: options.poolSize ?? POOL_SIZE,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: reconnectDelay,
    onnotice: () => {},
    connection: { lock_timeout: LOCK_TIMEOUT_MS, application_name: 'pst-konsultasi-statistik' },
  });
  // The sweeps' session locks, on a connection of their own used without reserving it: a
  // reserved connection that closed (a restart mid-sweep) crashes postgres.js when used or
  // released again (the unlock; porsager/postgres#1208), an unreserved one reconnects. Never
  // recycled by age, which would drop a lock in the middle of a sweep.
  const locks = postgres(url, {
    max: 1,
    max_lifetime: null,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: reconnectDelay,
    onnotice: () => {},
    connection: { application_name: 'pst-konsultasi-statistik' },
  });
  try {
    await migratePostgres(sql, office);
  } catch (error) {
    await Promise.all([sql.end({ timeout: 1 }), locks.end({ timeout: 1 })]);
    throw error;
  }

  // READ COMMITTED (PostgreSQL's default) with explicit locks where two writers could meet:
  // each race in the contract is on one row or one key (a request's version, a meeting's
  // state, a rating per reference, a day's ticket numbers, the outbox's due mail), so a row
  // lock (SELECT … FOR UPDATE), a conditional UPDATE, a unique constraint or a transaction-scoped
  // advisory lock makes the second writer wait and then see the first's commit. SERIALIZABLE
  // would turn those waits into 40001 failures that every operation, mails included, would
  // have to retry as a whole.
  const transaction: Transaction = async (work) => {
    let started = false;
    const attempt = () =>
      sql.begin((tx) => {
        started = true;
        return work(onlyWhileConnected(queryOn(tx)));
      }) as Promise<Awaited<ReturnType<typeof work>>>;
    // Failed at BEGIN (the stale error above): nothing of the work ran yet.
    return attempt().catch((error: unknown) =>
      sessionEnded(error) && !started ? attempt() : Promise.reject(error),
    );
  };
  const operations = postgresOperations(
    onceMoreIfSessionEnded(queryOn(sql)),
    transaction,
    office,
    () => new Date().toISOString(),
  );

  const store = {} as Store;
  for (const [name, operation] of Object.entries(operations)) {
    (store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await (operation as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw unavailable(error) ?? error;
      }
    };
  }
  // A session-level advisory lock, held while the task runs: an instance that dies mid-sweep
  // loses its connection and, with it, the lock. Such a lock is reentrant within its session,
  // so this instance's own second call is turned away here. The lock is the office's: each
  // office's instances sweep its rows, whatever another office is sweeping.
  const sweeping = new Set<string>();
  // The lock statements fail as the other operations do; the task's own errors pass untouched.
  const onLocks = async (statement: () => Promise<postgres.Row[]>) => {
    try {
      return await statement();
    } catch (error) {
      throw unavailable(error) ?? error;
    }
  };
  store.runAlone = async (name, task) => {
    if (sweeping.has(name)) return null;
    sweeping.add(name);
    try {
      const key = `pst-konsultasi-statistik:sweep:${office}:${name}`;
      const [{ locked }] = await onLocks(
        () => locks`SELECT pg_try_advisory_lock(hashtext(${key})) AS locked`,
      );
      if (!locked) return null;
      try {
        return await task();
      } finally {
        await onLocks(() => locks`SELECT pg_advisory_unlock(hashtext(${key}))`);
      }
    } finally {
      sweeping.delete(name);
    }
  };
  // The walk-in displays of every instance of the office hear a change made at any of its
  // desks: NOTIFY on the office's channel, each payload marked with its instance so that it
  // does not hear itself (its own displays were told in memory already).
  const instance = randomUUID();
  const channel = `${QUEUE_CHANNEL}:${office}`;
  store.announceQueueChange = async (change) => {
    try {
      await sql.notify(channel, JSON.stringify({ ...change, from: instance }));
    } catch (error) {
      throw unavailable(error) ?? error;
    }
  };
  store.listenQueueChanges = async (listener) => {
    const { unlisten } = await sql.listen(channel, (payload) => {
      const { from, ...change } = JSON.parse(payload) as QueueChange & { from: string };
      if (from !== instance) listener(change);
    });
    return unlisten;
  };
  let closing: Promise<void> | null = null;
  store.close = () =>
    (closing ??= Promise.all([sql.end({ timeout: 5 }), locks.end({ timeout: 5 })]).then(() => {}));
  return store;
}
