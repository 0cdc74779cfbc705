/**
 * The bearer token of the staff API (`Authorization: Bearer $STAFF_TOKEN`), for integrations
 * and scripts. While STAFF_TOKEN is unset the whole API answers 404, as if it did not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { clientIp } from './guards.ts';
import { createRateLimiter } from './rate-limit.ts';
import { jsonError } from './errors.ts';
import { preferredLanguage } from './language.ts';

/** Hashing first makes both sides the same length, so the comparison time reveals nothing. */
function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// Wrong tokens an address may try in a minute before it must wait: a script that lost its
// token fails loudly, a guesser gets 10 tries a minute instead of thousands.
const FAILURES_PER_MINUTE = 10;

export function staffToken(config: Config, clock: Clock): MiddlewareHandler {
  const failures = createRateLimiter(FAILURES_PER_MINUTE, clock);
  return async (c, next) => {
    const language = preferredLanguage(c.req.header('accept-language'));
    if (!config.staffToken) return jsonError(c, 404, 'not_found', language);
    const client = clientIp(c, config);
    const wait = failures.wait(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'rate_limited', language);
    }
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!tokensMatch(given, config.staffToken)) {
      failures.hit(client);
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', language);
    }
    await next();
  };
}
