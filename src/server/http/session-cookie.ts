/**
 * The cookie of a signed-in person (an officer, a citizen at "Permintaan saya"): a random
 * token, HttpOnly, SameSite=Lax, for the whole site; over HTTPS also Secure with the __Host-
 * prefix (no Domain, so no sibling host can set or read it). The database keeps only the
 * token's SHA-256, so a copy of the database opens no session.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Services } from '../services.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Whether the browser reached us over HTTPS (directly, or through a trusted TLS proxy). */
function isHttps(c: Context, services: Services): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    (services.config.trustProxy && c.req.header('x-forwarded-proto') === 'https')
  );
}

export interface SessionCookie {
  read(c: Context): string | undefined;
  /** No Max-Age: the cookie ends with the browser too; the database ends it sooner. */
  write(c: Context, token: string): void;
  clear(c: Context): void;
}

export function sessionCookie(name: string, services: Services): SessionCookie {
  const options = { httpOnly: true, sameSite: 'Lax', path: '/' } as const;
  return {
    read: (c) => (isHttps(c, services) ? getCookie(c, name, 'host') : getCookie(c, name)),
    write(c, token) {
      if (isHttps(c, services))
        setCookie(c, name, token, { ...options, secure: true, prefix: 'host' });
      else setCookie(c, name, token, options);
    },
    clear(c) {
      if (isHttps(c, services)) deleteCookie(c, name, { path: '/', secure: true, prefix: 'host' });
      else deleteCookie(c, name, { path: '/' });
    },
  };
}

/** Whether a session seen at `lastSeenAt`, made at `createdAt`, has ended by `now`. */
export function sessionEnded(
  session: { createdAt: string; lastSeenAt: string },
  now: number,
  limits: { idleMs: number; maxMs: number },
): boolean {
  return (
    now - Date.parse(session.lastSeenAt) > limits.idleMs ||
    now - Date.parse(session.createdAt) > limits.maxMs
  );
}

/** Whether `given` is the session's CSRF token, compared in constant time. */
export function csrfMatches(given: unknown, session: { csrf: string }): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(session.csrf));
}
