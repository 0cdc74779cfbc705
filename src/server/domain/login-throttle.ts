/**
 * When an officer's login is locked after failed attempts. Five wrong passwords for one email
 * within 15 minutes lock that email for 15 minutes from the fifth, even for the right
 * password: a guesser gets 20 tries an hour instead of thousands, an officer who mistyped
 * waits a quarter of an hour. One address is limited the same way over many emails.
 */

export interface ThrottleRule {
  failures: number;
  windowMs: number;
  lockMs: number;
}

export const PER_EMAIL: ThrottleRule = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const PER_CLIENT: ThrottleRule = {
  failures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** How far back failures must be read to decide a lock now. */
export const lookBackMs = (rule: ThrottleRule) => rule.windowMs + rule.lockMs;

/**
 * The instant the lock ends, or null when there is none. `failures` are the times of failed
 * attempts (ISO, oldest first), read from `lookBackMs(rule)` ago.
 */
export function lockedUntil(
  failures: readonly string[],
  now: Date,
  rule: ThrottleRule,
): Date | null {
  const times = failures.map((at) => Date.parse(at));
  let until: number | null = null;
  for (let last = rule.failures - 1; last < times.length; last += 1) {
    const first = times[last - rule.failures + 1];
    if (times[last] - first > rule.windowMs) continue;
    const end = times[last] + rule.lockMs;
    if (end > now.getTime() && (until === null || end > until)) until = end;
  }
  return until === null ? null : new Date(until);
}
