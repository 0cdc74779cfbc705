import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { etag } from 'hono/etag';

// Astro puts content-hashed files under /_astro/; they never change, so browsers keep them.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (HTML, sw.js, manifest, Pagefind index) must be revalidated so a new
// deploy is seen at once; the ETag makes the revalidation a cheap 304.
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function cacheControlFor(path: string): string {
  return path.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE;
}

/** Serves the built site from `root` (precompressed .br/.gz files made at build time). */
export function mountSite(app: Hono, root: string): void {
  app.use('*', etag());
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      if (c.res.status < 400 && !c.res.headers.has('Cache-Control')) {
        c.header('Cache-Control', cacheControlFor(c.req.path));
      }
    }
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  app.notFound(async (c) => {
    const page = await readFile(join(root, '404.html'), 'utf8').catch(() => 'Halaman tidak ditemukan.');
    c.header('Cache-Control', 'no-store');
    return c.html(page, 404);
  });
}
