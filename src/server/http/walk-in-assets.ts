/**
 * The walk-in screens' stylesheet and scripts, served by the endpoint (the screens are not
 * part of the static site): src/styles/walk-in.css as it is, and src/browser/queue-*.ts
 * bundled by esbuild once, on first request (the display imports the spoken call from
 * src/lib). Revalidated on every use (ETag), as the workspace's assets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Context } from 'hono';

interface Asset {
  body: string;
  type: string;
  etag: string;
}

const asset = (body: string, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

function script(path: string): Asset {
  const built = buildSync({
    entryPoints: [fileURLToPath(new URL(path, import.meta.url))],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2020',
  });
  return asset(built.outputFiles[0].text, 'text/javascript; charset=utf-8');
}

const BUILD: Record<string, () => Asset> = {
  'gaya.css': () =>
    asset(
      readFileSync(new URL('../../styles/walk-in.css', import.meta.url), 'utf8'),
      'text/css; charset=utf-8',
    ),
  'layar.js': () => script('../../browser/queue-display.ts'),
  'tiket.js': () => script('../../browser/queue-ticket.ts'),
  'loket.js': () => script('../../browser/kiosk-return.ts'),
};

export const WALK_IN_ASSETS = Object.keys(BUILD);
const cache = new Map<string, Asset>();

export function serveWalkInAsset(c: Context, name: string): Response {
  const build = BUILD[name];
  if (!build) return c.notFound() as Response;
  let found = cache.get(name);
  if (!found) {
    found = build();
    cache.set(name, found);
  }
  c.header('ETag', found.etag);
  c.header('Cache-Control', 'no-cache');
  if (c.req.header('if-none-match') === found.etag) return c.body(null, 304);
  c.header('Content-Type', found.type);
  return c.body(found.body);
}
