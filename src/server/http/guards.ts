/** Checks made before a public form post is read: where it comes from, and who sent it. */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * The origin of the separately hosted site a post came from, when it is in ALLOWED_ORIGINS;
 * '' for our own pages. Redirects and links in answers go back to that site.
 */
export function allowedSiteOrigin(c: Context, config: Config): string {
  const origin = c.req.header('origin');
  return origin && config.allowedOrigins.includes(origin) ? origin : '';
}

/**
 * Refuses posts that a browser sends from another site (cross-site request forgery against
 * the no-JavaScript forms). Browsers mark a post with Sec-Fetch-Site and Origin; a request
 * without either is not from a browser page, so there is no victim to protect.
 */
export function isSameSiteOrAllowed(c: Context, config: Config): boolean {
  if (allowedSiteOrigin(c, config)) return true;
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none';
  const origin = c.req.header('origin');
  if (!origin) return true;
  // Behind a TLS proxy the URL we see is http:// while the Origin is https://; compare hosts.
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/** The client's address: the socket peer, or the last X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(c: Context, config: Config): string {
  if (config.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
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
