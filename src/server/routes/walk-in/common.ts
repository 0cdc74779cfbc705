/** What the walk-in routes share: headers, the ticket id's shape, the public origin, a ticket's facts. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Loket } from '../../../content-schemas/loket.ts';
import { peopleAhead } from '../../domain/walk-in.ts';
import type { Services } from '../../services.ts';
import type { Visit } from '../../storage/store.ts';

/** 16 random bytes in base64url (domain/walk-in.ts). */
export const TICKET_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The kiosk, the tickets and the display change from one moment to the next and carry a
 * visitor's number: never stored by a browser, a proxy or the service worker (no-store), and
 * never indexed. Assets say their own (no-cache with an ETag).
 */
export const walkInHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};

/** The origin the visitor's browser used (behind a trusted TLS proxy: https). */
export function publicOrigin(c: Context, services: Services): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  const https =
    url.protocol === 'https:' ||
    (services.config.trustProxy && c.req.header('x-forwarded-proto') === 'https');
  return `${https ? 'https' : 'http'}://${host}`;
}

/** What a ticket page shows of a visit, on the kiosk and on the visitor's phone. */
export async function ticketFacts(c: Context, services: Services, loket: Loket, visit: Visit) {
  const visits = await services.store.listVisits(visit.day);
  return {
    visit,
    serviceName: loket.services.find((s) => s.id === visit.service)?.name ?? visit.service,
    deskName: loket.desks.find((desk) => desk.id === visit.desk)?.name ?? null,
    ahead: peopleAhead(visits, visit),
    ticketUrl: `${publicOrigin(c, services)}/antrean/${visit.ticketId}/`,
  };
}
