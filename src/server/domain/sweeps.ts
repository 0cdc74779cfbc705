/**
 * Periodic housekeeping, started by main.ts and called directly by tests with a fake clock.
 */
import { jakartaDateTime } from '../../lib/working-days.ts';
import type { Clock } from '../clock.ts';
import type { Store } from '../storage/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Online procedure step "menutup percakapan online jika … tidak merespons kembali selama N
 * hari": closes requests that waited on the citizen for `autoCloseDays` (the standard's
 * frontmatter); returns their references.
 */
export async function closeIdleRequests(deps: {
  store: Store;
  clock: Clock;
  autoCloseDays: number;
}): Promise<string[]> {
  const now = deps.clock.now();
  const waitingSince = new Date(now.getTime() - deps.autoCloseDays * DAY_MS).toISOString();
  return deps.store.closeWaitingSince(
    waitingSince,
    now.toISOString(),
    `Ditutup otomatis: tidak ada tanggapan selama ${deps.autoCloseDays} hari`,
  );
}

/**
 * Retention (`retentionDays` in office.yaml): erases personal data of requests closed longer
 * ago than that, and of spam received longer ago; deletes mail sent longer ago, and the
 * search counts of the days before. Returns the requests erased.
 */
export async function purgeExpiredData(deps: {
  store: Store;
  clock: Clock;
  retentionDays: number;
}): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.retentionDays * DAY_MS).toISOString();
  await deps.store.purgeSearchesBefore(jakartaDateTime(new Date(cutoff)).date);
  return deps.store.purgeBefore(
    cutoff,
    now.toISOString(),
    `Data pribadi dihapus: masa simpan ${deps.retentionDays} hari berakhir`,
  );
}
