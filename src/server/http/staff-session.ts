/**
 * Officers' sessions in the workspace (/petugas/): a random token in an HttpOnly cookie, kept
 * in the database only as its SHA-256, so a copy of the database opens no session. A session
 * ends after 8 hours without use or 12 hours after login, whichever comes first (one working
 * day), at logout, and when the officer's password is reset or the account disabled.
 *
 * Every state-changing post carries the session's CSRF token and must come from this origin;
 * the cookie's SameSite=Lax is a second wall, not the only one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Services } from '../services.ts';
import type { StaffAccount } from '../storage/store.ts';

const COOKIE = 'pst_petugas';
export const IDLE_MS = 8 * 60 * 60_000;
export const MAX_MS = 12 * 60 * 60_000;
// Writing last_seen_at on every page would be a write per click; a minute is precise enough
// for an 8-hour idle limit.
const TOUCH_EVERY_MS = 60_000;

export interface OfficerSession {
  officer: StaffAccount;
  csrf: string;
  tokenHash: string;
}

export type WorkspaceEnv = {
  Variables: {
    session: OfficerSession;
    /** The post's fields, read and checked once (workspace-post.ts). */
    form: Record<string, string>;
  };
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether the browser reached us over HTTPS (directly, or through a trusted TLS proxy). */
function isHttps(c: Context, services: Services): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    (services.config.trustProxy && c.req.header('x-forwarded-proto') === 'https')
  );
}

function readToken(c: Context, services: Services): string | undefined {
  return isHttps(c, services) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
}

/** Starts a session for `officer` and sets its cookie (no Max-Age: it ends with the browser too). */
export async function startSession(c: Context, services: Services, officer: StaffAccount) {
  const token = randomBytes(32).toString('base64url');
  await services.store.createSession({
    tokenHash: hashToken(token),
    staffId: officer.id,
    csrf: randomBytes(24).toString('base64url'),
    at: services.clock.now().toISOString(),
  });
  const options = { httpOnly: true, sameSite: 'Lax', path: '/' } as const;
  if (isHttps(c, services))
    setCookie(c, COOKIE, token, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, COOKIE, token, options);
}

export async function endSession(c: Context, services: Services, session: OfficerSession) {
  await services.store.endSession(session.tokenHash);
  if (isHttps(c, services)) deleteCookie(c, COOKIE, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, COOKIE, { path: '/' });
}

/** The valid session of this request, or null; an expired one is removed. */
export async function currentSession(
  c: Context,
  services: Services,
): Promise<OfficerSession | null> {
  const token = readToken(c, services);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await services.store.findSession(tokenHash);
  if (!session) return null;
  const now = services.clock.now().getTime();
  const idle = now - Date.parse(session.lastSeenAt);
  if (idle > IDLE_MS || now - Date.parse(session.createdAt) > MAX_MS) {
    await services.store.endSession(tokenHash);
    return null;
  }
  if (idle > TOUCH_EVERY_MS)
    await services.store.touchSession(tokenHash, new Date(now).toISOString());
  return { officer: session.staff, csrf: session.csrf, tokenHash };
}

/** A same-site path to return to after login ("/petugas/…" only: never another site). */
export function returnPath(value: string | undefined): string {
  return value && /^\/petugas\/[^\\]*$/.test(value) && !value.startsWith('//')
    ? value
    : '/petugas/';
}

/**
 * Pages behind the login: without a valid session, 303 to the login with the page to come
 * back to; nothing of the page is read or shown.
 */
export function requireOfficer(services: Services): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    const session = await currentSession(c, services);
    if (!session) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname;
      return c.redirect(`/petugas/masuk/?lanjut=${encodeURIComponent(back)}`, 303);
    }
    c.set('session', session);
    await next();
  };
}

/**
 * Whether a post comes from a page of this origin: its Origin header, or its Referer when a
 * browser sent no Origin. A post with neither is refused: every browser that can run the
 * workspace sends one of them.
 */
export function isSameOrigin(c: Context): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const source = c.req.header('origin') ?? c.req.header('referer');
  if (!source || source === 'null') return false;
  // Behind a TLS proxy the URL we see is http:// while the browser's is https://; compare hosts.
  try {
    return new URL(source).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/** Whether `given` is the session's CSRF token, compared in constant time. */
export function csrfMatches(given: unknown, session: OfficerSession): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(session.csrf));
}
