/**
 * The Front Office kiosk's device cookie: a random token set when the device is paired
 * (a one-time link from /petugas/perangkat/ or `npm run staff -- kiosk-link`), kept in the
 * database only as its SHA-256 and revocable there. Long-lived (400 days, the longest
 * Chrome keeps a cookie: https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.6.1),
 * HttpOnly, SameSite=Lax; over HTTPS Secure with the __Host- prefix, like the sessions.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Services } from '../services.ts';
import type { KioskDevice } from '../storage/store.ts';
import { hashToken, newToken } from './session-cookie.ts';
import { currentSession } from './staff-session.ts';

const COOKIE = 'pst_kiosk';
const MAX_AGE_S = 400 * 24 * 60 * 60;
/** How long a pairing link can be used (once). */
export const PAIRING_LINK_MS = 24 * 60 * 60_000;

const isHttps = (c: Context, services: Services) =>
  new URL(c.req.url).protocol === 'https:' ||
  (services.config.trustProxy && c.req.header('x-forwarded-proto') === 'https');

/** A new pairing link's token and the hash to store; the token goes only into the URL. */
export function newPairingToken(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

/** Where a pairing token is used: the kiosk's pairing page on the endpoint's origin. */
export const pairingUrl = (origin: string, token: string) =>
  `${origin.replace(/\/$/, '')}/loket/pasang/?t=${encodeURIComponent(token)}`;

/** Pairs this browser with a pairing link's token; false when the link is unknown, used or expired. */
export async function pairDevice(c: Context, services: Services, token: string): Promise<boolean> {
  const device = newToken();
  const paired = await services.store.pairKiosk(
    hashToken(token),
    hashToken(device),
    services.clock.now().toISOString(),
  );
  if (!paired) return false;
  const options = { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: MAX_AGE_S } as const;
  if (isHttps(c, services))
    setCookie(c, COOKIE, device, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, COOKIE, device, options);
  return true;
}

/** The paired (not revoked) kiosk this request comes from, or null. */
export async function kioskDevice(c: Context, services: Services): Promise<KioskDevice | null> {
  const token = isHttps(c, services) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
  if (!token) return null;
  return services.store.findKioskDevice(hashToken(token));
}

/** The kiosk opens on a paired device, or for a signed-in officer (to try it, or to stand in). */
export async function kioskAllowed(c: Context, services: Services): Promise<boolean> {
  return (await kioskDevice(c, services)) !== null || (await currentSession(c, services)) !== null;
}
