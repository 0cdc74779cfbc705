/** Security headers on every answer: API, the server's own HTML pages and the static site. */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';

function contentSecurityPolicy(config: Config): string {
  const sources = (hashes: readonly string[]) => hashes.map((hash) => ` '${hash}'`).join('');
  const endpoint = config.formEndpointOrigin ? ` ${config.formEndpointOrigin}` : '';
  return [
    "default-src 'self'",
    // No inline script except the exact ones in the build (by hash). Pagefind's search runtime
    // is WebAssembly: 'wasm-unsafe-eval' allows compiling it, not JavaScript eval().
    `script-src 'self' 'wasm-unsafe-eval'${sources(config.inlineHashes.scripts)}`,
    `style-src 'self'${sources(config.inlineHashes.styles)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${endpoint}`,
    `form-action 'self'${endpoint}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// The status page and the rating form take the personal key (?kunci=); /akun/ its links.
const PRIVATE_LINK_PAGES = ['/status/', '/penilaian/', '/akun/'];

export function securityHeaders(config: Config): MiddlewareHandler {
  const policy = contentSecurityPolicy(config);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', policy);
    headers.set('X-Content-Type-Options', 'nosniff');
    // Confirmation URLs carry the reference; other sites see at most our origin. Pages opened
    // by a personal link or a one-time link send nothing to other sites ('same-origin', not
    // 'no-referrer': under that, a browser sends `Origin: null` with the page's own form posts,
    // which the origin check must refuse).
    headers.set(
      'Referrer-Policy',
      PRIVATE_LINK_PAGES.some((page) => c.req.path.startsWith(page))
        ? 'same-origin'
        : 'strict-origin-when-cross-origin',
    );
    headers.set(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    );
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('X-Frame-Options', 'DENY');
    // HSTS only means something over HTTPS; browsers ignore it on plain HTTP, so trusting the
    // proxy's X-Forwarded-Proto here cannot be abused.
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    if (https) headers.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
