/**
 * Officers' sessions in the workspace (/petugas/): a random token in an HttpOnly cookie, kept
 * in the database only as its SHA-256, so a copy of the database opens no session. A session
 * ends after 8 hours without use or 12 hours after login, whichever comes first (one working
 * day), at logout, and when the officer's password is reset or the account disabled.
 *
 * Every state-changing post carries the session's CSRF token and must come from this origin;
 * the cookie's SameSite=Lax is a second wall, not the only one.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Services } from '../services.ts';
import type { StaffAccount } from '../storage/store.ts';
import { hashToken, newToken, sessionCookie, sessionEnded } from './session-cookie.ts';

const COOKIE = 'pst_petugas';
export const IDLE_MS = 8 * 60 * 60_000;
export const MAX_MS = 12 * 60 * 60_000;
// Writing last_seen_at on every page would be a write per click; a minute is precise enough
// for an 8-hour idle limit.
export const TOUCH_EVERY_MS = 60_000;

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

/** Starts a session for `officer` and sets its cookie. */
export async function startSession(c: Context, services: Services, officer: StaffAccount) {
  const token = newToken();
  await services.store.createSession({
    tokenHash: hashToken(token),
    staffId: officer.id,
    csrf: randomBytes(24).toString('base64url'),
    at: services.clock.now().toISOString(),
  });
  sessionCookie(COOKIE, services).write(c, token);
}

export async function endSession(c: Context, services: Services, session: OfficerSession) {
  await services.store.endSession(session.tokenHash);
  sessionCookie(COOKIE, services).clear(c);
}

/** The valid session of this request, or null; an expired one is removed. */
export async function currentSession(
  c: Context,
  services: Services,
): Promise<OfficerSession | null> {
  const token = sessionCookie(COOKIE, services).read(c);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await services.store.findSession(tokenHash);
  if (!session) return null;
  const now = services.clock.now().getTime();
  if (sessionEnded(session, now, { idleMs: IDLE_MS, maxMs: MAX_MS })) {
    await services.store.endSession(tokenHash);
    return null;
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS)
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
