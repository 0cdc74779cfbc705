/** Opening the SQLite file: its settings, and bringing its schema up to date. */
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';

// A second process starting on the same fresh database waits this long for the first's migrations.
const MIGRATION_BUSY_TIMEOUT_MS = 15_000;

/**
 * Brings the schema up to date in one transaction. BEGIN IMMEDIATE comes before reading the
 * version, so a second process starting at the same moment waits and then finds nothing to do;
 * a database made by a newer version of the code is refused rather than written to.
 */
function migrate(db: DatabaseSync, path: string): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = Number(
      (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
    );
    if (current > latest) {
      throw new Error(
        `Basis data ${path} dibuat oleh versi aplikasi yang lebih baru (skema ${current}; versi ini mengenal sampai ${latest}). Perbarui aplikasi, atau pulihkan cadangan yang cocok dengan versi ini.`,
      );
    }
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) db.exec(migration.sql);
    // Tables are rebuilt with foreign keys off (a parent cannot be dropped otherwise); the
    // references must still hold once they are all back.
    if (db.prepare('PRAGMA foreign_key_check').get() !== undefined) {
      throw new Error(`Basis data ${path}: migrasi merusak referensi antar tabel.`);
    }
    // PRAGMA takes no parameters; the version is a number from our own list.
    db.exec(`PRAGMA user_version = ${Number(latest)}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export interface DatabaseOptions {
  /** How long a write waits for another connection's lock before failing (SQLITE_BUSY). */
  busyTimeoutMs: number;
  /** Fault injection for tests: the file cannot grow past this many pages (SQLITE_FULL, as a full disk). */
  maxPageCount?: number;
}

/**
 * Creates the database at `path` if needed and migrates it; throws when it cannot. The rows
 * stored before offices were told apart become `office`'s.
 */
export function prepareDatabase(path: string, office: string): void {
  // Foreign keys off: a migration may rebuild a table others refer to (checked after).
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: false });
  try {
    db.function('configured_office', { deterministic: true }, () => office);
    // Before anything that locks: switching a fresh file to WAL needs the whole file, and
    // without a timeout a second process fails at once while the first migrates.
    db.exec(`PRAGMA busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`);
    db.exec('PRAGMA journal_mode = WAL');
    migrate(db, path);
  } finally {
    db.close();
  }
}

/** A connection with the store's settings (the schema must be prepared already). */
export function openDatabase(path: string, options: DatabaseOptions): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Number(options.busyTimeoutMs)}`);
  db.exec('PRAGMA journal_mode = WAL');
  // FULL syncs the WAL on every commit: an acknowledged submission survives a power cut, not
  // only a crash. Group commit pays that fsync once per batch instead of once per request.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Erased personal data is overwritten in the file, not only unlinked from it.
  db.exec('PRAGMA secure_delete = ON');
  // Each write of a group commit runs in a savepoint, and a savepoint keeps its undo record
  // in a statement journal: a temporary file by default. In memory it cost 0.116 ms of CPU
  // per submission instead of 0.173 (the store's writes alone, batches of 5, this machine).
  // Durability is unchanged: that journal only serves a rollback inside the transaction.
  db.exec('PRAGMA temp_store = MEMORY');
  if (options.maxPageCount !== undefined)
    db.exec(`PRAGMA max_page_count = ${Number(options.maxPageCount)}`);
  return db;
}
