/**
 * Which databases the server tests run on. SQLite always; PostgreSQL when TEST_DATABASE_URL
 * names a server (a URL whose user may create databases, e.g. the throwaway cluster of
 * scripts/test-postgres.sh). Each test gets a database of its own, created here and dropped
 * after it. Without the variable the PostgreSQL runs are skipped, and say so.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;

if (!TEST_DATABASE_URL) {
  console.warn(
    'PostgreSQL: TEST_DATABASE_URL is not set, the PostgreSQL runs are SKIPPED (scripts/test-postgres.sh runs them).',
  );
}

/** A fresh, empty database on the test server; `drop()` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pst_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  // The name is ours (hex), not input; CREATE DATABASE takes no parameters.
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
