/**
 * Sends what is due in the outbox. A mail is first leased (so two runs never send it at the
 * same time), then marked sent or given a later attempt. A mail outage only delays mail, and
 * staff can see what is waiting (GET /api/staff/outbox). A mail the server refuses for good
 * (an SMTP 5xx answer, e.g. "550 no such user") is tried a few times and then marked "gagal"
 * and left alone, so it does not come back forever. A crash between the SMTP "accepted" and
 * markMailSent sends that mail again after the lease: at least once, never lost.
 */
import type { Clock } from '../clock.ts';
import { fillAccessKeys } from '../domain/access-keys.ts';
import type { Store } from '../storage/store.ts';
import type { Mailer } from './transport.ts';

const BATCH = 10;
// Longer than a batch can take with the transport's timeouts (10 × 40 s).
const LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
// A permanent refusal is retried this often in all before the mail is given up on: a
// misconfigured server sometimes answers 5xx for a passing fault too.
const PERMANENT_ATTEMPTS = 3;

/** SMTP said no for good (RFC 5321 §4.2.1: 5yz is a permanent negative completion reply). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Wait before the next attempt after `attempts` failures: 30 s, 1 min, 2 min … at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 500);
}

export async function deliverOutbox(deps: {
  store: Store;
  mailer: Mailer;
  clock: Clock;
  /** Fills in the personal links' keys, which the outbox holds only as placeholders. */
  linkSecret: string;
}): Promise<{ sent: number; failed: number }> {
  const { store, mailer, clock, linkSecret } = deps;
  const result = { sent: 0, failed: 0 };
  for (;;) {
    const now = clock.now().getTime();
    const due = await store.claimDueMail(
      new Date(now).toISOString(),
      new Date(now + LEASE_MS).toISOString(),
      BATCH,
    );
    for (const mail of due) {
      try {
        await mailer.send({ ...mail, text: fillAccessKeys(mail.text, linkSecret) });
        await store.markMailSent(mail.id, clock.now().toISOString());
        result.sent += 1;
      } catch (error) {
        const at = clock.now();
        const givenUp = isPermanent(error) && mail.attempts >= PERMANENT_ATTEMPTS;
        const retryAt = givenUp
          ? null
          : new Date(at.getTime() + retryDelayMs(mail.attempts)).toISOString();
        await store.markMailFailed(mail.id, describe(error), retryAt, at.toISOString());
        result.failed += 1;
      }
    }
    // A full batch may mean more is due; failed mail is rescheduled, so this ends.
    if (due.length < BATCH) return result;
  }
}
