/** Where the SQLite database lives: DATA_DIR (default ./data), file pst.sqlite. */
import { join } from 'node:path';

export const DEFAULT_DATA_DIR = './data';
const DATABASE_FILE = 'pst.sqlite';

export function dataDirFrom(env: Record<string, string | undefined> = process.env): string {
  return env.DATA_DIR?.trim() || DEFAULT_DATA_DIR;
}

export const databasePath = (dataDir: string) => join(dataDir, DATABASE_FILE);
