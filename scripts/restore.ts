// `npm run restore -- FILE`: puts a backup made by `npm run backup` back as the live database.
// The server must be stopped: the restore takes the database's exclusive lock first and
// refuses while any other connection holds it open. The database it replaces is kept beside
// it (pst.sqlite.sebelum-pemulihan-<time>). Honours DATA_DIR.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '../src/server/storage/migrations.ts';
import { databasePath, dataDirFrom } from '../src/server/storage/location.ts';

function checkBackup(file: string): void {
  if (!existsSync(file)) throw new Error(`Tidak ada file ${file}.`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (check.integrity_check !== 'ok')
      throw new Error(`Cadangan ${file} rusak: ${check.integrity_check}`);
    const version = Number(
      (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
    );
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    if (version > latest) {
      throw new Error(
        `Cadangan ${file} dibuat oleh versi aplikasi yang lebih baru (skema ${version}; versi ini sampai ${latest}).`,
      );
    }
  } finally {
    db.close();
  }
}

/** Fails when another connection (a running server) has the database open. */
function assertUnused(path: string): void {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA busy_timeout = 200');
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch {
    throw new Error(
      `Basis data ${path} sedang dipakai. Hentikan server dulu, lalu ulangi pemulihan.`,
    );
  } finally {
    db.close();
  }
}

export function restoreDatabase(
  dataDir: string,
  file: string,
  now = new Date(),
): { kept: string | null } {
  checkBackup(file);
  const live = databasePath(dataDir);
  let kept: string | null = null;
  if (existsSync(live)) {
    assertUnused(live);
    kept = `${live}.sebelum-pemulihan-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(live, kept);
  }
  for (const leftover of ['-wal', '-shm']) rmSync(`${live}${leftover}`, { force: true });
  const incoming = `${live}.memulihkan`;
  copyFileSync(file, incoming);
  renameSync(incoming, live);
  return { kept };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    console.error('Pakai: npm run restore -- FILE   (hentikan server dulu)');
    process.exit(2);
  }
  try {
    const { kept } = restoreDatabase(dataDirFrom(), file);
    console.log(
      `Basis data dipulihkan dari ${file}.${kept ? ` Yang lama disimpan sebagai ${kept}.` : ''}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
