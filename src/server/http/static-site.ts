import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { systemClock, type Clock } from '../clock.ts';
import { StoreUnavailableError } from '../storage/store.ts';
import { fillSlots, stampForms, type SlotSource } from './page-slots.ts';
import { siteFiles } from './static-files.ts';

// Astro puts content-hashed files under /_astro/; they never change, so browsers keep them.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (HTML, sw.js, manifest, Pagefind index) must be revalidated so a new
// deploy is seen at once; the ETag (static-files.ts) makes the revalidation a cheap 304.
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function cacheControlFor(path: string): string {
  return path.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built site from `root` (compressed on first request, static-files.ts); pages
 * named by `slots` get their request-time values filled in (and their forms stamped), are
 * compressed on the way out and never cached.
 */
export function mountSite(
  app: Hono,
  root: string,
  slots?: SlotSource,
  clock: Clock = systemClock,
): void {
  if (slots) {
    app.get('*', async (c, next) => {
      const values = await slots(c.req.path, new URL(c.req.url).searchParams).catch(
        (error: unknown) => {
          // A busy database leaves a slot showing its text for "not known"; the page still serves.
          if (error instanceof StoreUnavailableError) return {};
          throw error;
        },
      );
      if (!values) return next();
      const page = await readFile(join(root, c.req.path, 'index.html'), 'utf8').catch(() => null);
      if (page === null) return next();
      const html = stampForms(fillSlots(page, values), clock.now());
      c.header('Cache-Control', 'no-store');
      c.header('Content-Type', 'text/html; charset=UTF-8');
      c.header('Vary', 'Accept-Encoding');
      if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(html);
      c.header('Content-Encoding', 'gzip');
      return c.body(gzipSync(html));
    });
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      if (c.res.status < 400 && !c.res.headers.has('Cache-Control')) {
        c.header('Cache-Control', cacheControlFor(c.req.path));
      }
    }
  });
  app.use('*', siteFiles(root));
  app.notFound(async (c) => {
    const page = await readFile(join(root, '404.html'), 'utf8').catch(
      () => 'Halaman tidak ditemukan.',
    );
    c.header('Cache-Control', 'no-store');
    return c.html(page, 404);
  });
}
