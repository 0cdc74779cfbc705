/**
 * The one place that knows which adapter runs: PostgreSQL when DATABASE_URL is set (several
 * instances, one database), else SQLite in DATA_DIR (one instance; `npm start` needs nothing).
 */
import { databasePath } from './location.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** The store of one office (office.yaml's code): every row it reads and writes is that office's. */
export async function openStore(settings: {
  databaseUrl: string | null;
  dataDir: string;
  office: string;
}): Promise<Store> {
  return settings.databaseUrl
    ? openPostgresStore(settings.databaseUrl, settings.office)
    : openSqliteStore(databasePath(settings.dataDir), settings.office);
}
