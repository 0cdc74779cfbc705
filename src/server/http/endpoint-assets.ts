/**
 * The stylesheets and scripts of the pages the endpoint draws itself (the workspace, the
 * walk-in screens), which are not part of the static site: a stylesheet as it is, a script
 * from src/browser bundled by esbuild; each made once, on first request. Revalidated on every
 * use (ETag): they hold no data, and a new version reaches the screen at once.
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

type Build = () => Asset;

const asset = (body: string, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

export const stylesheet =
  (path: URL): Build =>
  () =>
    asset(readFileSync(path, 'utf8'), 'text/css; charset=utf-8');

export const script =
  (path: URL): Build =>
  () => {
    const built = buildSync({
      entryPoints: [fileURLToPath(path)],
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      target: 'es2020',
    });
    return asset(built.outputFiles[0].text, 'text/javascript; charset=utf-8');
  };

/** The names of a set of assets, and the handler that answers one by name. */
export function assetSet(builds: Readonly<Record<string, Build>>): {
  names: string[];
  serve(c: Context, name: string): Response;
} {
  const cache = new Map<string, Asset>();
  return {
    names: Object.keys(builds),
    serve(c, name) {
      const build = builds[name];
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
    },
  };
}
