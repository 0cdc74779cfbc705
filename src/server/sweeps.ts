/**
 * Periodic housekeeping, started by main.ts and called directly by tests with a fake clock.
 */
import type { Clock } from './clock.ts';
import { AUTO_CLOSE_DAYS } from './lifecycle.ts';
import type { Store } from './storage/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Closes requests that waited on the citizen for AUTO_CLOSE_DAYS; returns their references. */
export async function closeIdleRequests(deps: { store: Store; clock: Clock }): Promise<string[]> {
  const now = deps.clock.now();
  const waitingSince = new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS).toISOString();
  return deps.store.closeWaitingSince(
    waitingSince,
    now.toISOString(),
    `Ditutup otomatis: tidak ada tanggapan selama ${AUTO_CLOSE_DAYS} hari`,
  );
}

/**
 * Retention (RETENTION_DAYS): erases personal data of requests closed longer ago than that,
 * and of spam received longer ago; deletes mail sent longer ago. Returns the requests erased.
 */
export async function purgeExpiredData(deps: {
  store: Store;
  clock: Clock;
  retentionDays: number;
}): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.retentionDays * DAY_MS).toISOString();
  return deps.store.purgeBefore(
    cutoff,
    now.toISOString(),
    `Data pribadi dihapus: masa simpan ${deps.retentionDays} hari berakhir`,
  );
}
