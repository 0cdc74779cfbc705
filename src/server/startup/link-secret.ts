/**
 * The secret the personal links' keys are derived from (domain/access-keys.ts): LINK_SECRET,
 * or a random one kept beside the database in DATA_DIR, made at the first start and readable
 * by the server's user only. It is not in the database, so a copy of the database (a backup)
 * opens no citizen's request. Instances sharing a database must share it: set LINK_SECRET.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'kunci-rahasia';

export function linkSecret(fromEnv: string | null, dataDir: string): string {
  if (fromEnv) return fromEnv;
  const path = join(dataDir, FILE);
  if (!existsSync(path)) {
    // 'wx': two processes starting together cannot both write; the loser reads the winner's.
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}
