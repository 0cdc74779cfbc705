/**
 * A citizen signed in to "Permintaan saya" (/akun/) with a one-time link: the same cookie
 * rules and lifetimes as an officer's session (session-cookie.ts, staff-session.ts), in a
 * cookie of its own.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Services } from '../services.ts';
import { hashToken, newToken, sessionCookie, sessionEnded } from './session-cookie.ts';
import { IDLE_MS, MAX_MS, TOUCH_EVERY_MS } from './staff-session.ts';

const COOKIE = 'pst_warga';

export interface CitizenSignedIn {
  email: string;
  csrf: string;
  tokenHash: string;
}

export async function startCitizenSession(c: Context, services: Services, email: string) {
  const token = newToken();
  await services.store.createCitizenSession({
    tokenHash: hashToken(token),
    email,
    csrf: randomBytes(24).toString('base64url'),
    at: services.clock.now().toISOString(),
  });
  sessionCookie(COOKIE, services).write(c, token);
}

export async function endCitizenSession(c: Context, services: Services, session: CitizenSignedIn) {
  await services.store.endCitizenSession(session.tokenHash);
  sessionCookie(COOKIE, services).clear(c);
}

export async function currentCitizen(
  c: Context,
  services: Services,
): Promise<CitizenSignedIn | null> {
  const token = sessionCookie(COOKIE, services).read(c);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await services.store.findCitizenSession(tokenHash);
  if (!session) return null;
  const now = services.clock.now().getTime();
  if (sessionEnded(session, now, { idleMs: IDLE_MS, maxMs: MAX_MS })) {
    await services.store.endCitizenSession(tokenHash);
    return null;
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS)
    await services.store.touchCitizenSession(tokenHash, new Date(now).toISOString());
  return { email: session.email, csrf: session.csrf, tokenHash };
}
