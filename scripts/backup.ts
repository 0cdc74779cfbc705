// `npm run backup -- FILE`: a consistent copy of the live database, safe while the server runs.
// SQLite's VACUUM INTO reads one snapshot (every submission acknowledged before it started)
// and writes it as a single compact file, without the -wal/-shm files a plain copy of a live
// WAL database would need and could tear. Honours DATA_DIR; prints counts, never content.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databasePath, dataDirFrom } from '../src/server/storage/location.ts';

export function backupDatabase(dataDir: string, file: string): { requests: number } {
  const source = databasePath(dataDir);
  if (!existsSync(source)) throw new Error(`Tidak ada basis data di ${source}.`);
  if (existsSync(file)) throw new Error(`${file} sudah ada; pilih nama file lain.`);
  const db = new DatabaseSync(source, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    // VACUUM INTO takes no parameters; the path is quoted as an SQL string literal.
    db.exec(`VACUUM INTO '${resolve(file).replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  const copy = new DatabaseSync(file, { readOnly: true });
  try {
    const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (check.integrity_check !== 'ok')
      throw new Error(`Cadangan ${file} rusak: ${check.integrity_check}`);
    return {
      requests: Number(
        (copy.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number }).n,
      ),
    };
  } finally {
    copy.close();
  }
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    console.error('Pakai: npm run backup -- FILE');
    process.exit(2);
  }
  try {
    const { requests } = backupDatabase(dataDirFrom(), file);
    console.log(
      `Cadangan tersimpan di ${file}: ${requests} permintaan, pemeriksaan integritas ok.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
