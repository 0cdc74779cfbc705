/**
 * The bearer token of the staff API (`Authorization: Bearer $STAFF_TOKEN`), for integrations
 * and scripts. While STAFF_TOKEN is unset the whole API answers 404, as if it did not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { jsonError } from './errors.ts';
import { preferredLanguage } from './language.ts';

/** Hashing first makes both sides the same length, so the comparison time reveals nothing. */
function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function staffToken(config: Config): MiddlewareHandler {
  return async (c, next) => {
    const language = preferredLanguage(c.req.header('accept-language'));
    if (!config.staffToken) return jsonError(c, 404, 'not_found', language);
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!tokensMatch(given, config.staffToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', language);
    }
    await next();
  };
}
