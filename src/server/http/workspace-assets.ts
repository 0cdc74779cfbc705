/**
 * The workspace's stylesheet and script, served by the endpoint itself (the workspace is not
 * part of the static site): src/styles/workspace.css as it is, src/browser/workspace.ts
 * compiled by esbuild once, on first request. Revalidated on every use (ETag): they hold no
 * data, and an officer gets a new version at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import type { Context } from 'hono';

interface Asset {
  body: string;
  type: string;
  etag: string;
}

const source = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

function asset(body: string, type: string): Asset {
  return {
    body,
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
  };
}

const cache = new Map<string, Asset>();

const BUILD: Record<string, () => Asset> = {
  'gaya.css': () => asset(source('../../styles/workspace.css'), 'text/css; charset=utf-8'),
  'skrip.js': () =>
    asset(
      transformSync(source('../../browser/workspace.ts'), {
        loader: 'ts',
        minify: true,
        target: 'es2020',
        format: 'esm',
      }).code,
      'text/javascript; charset=utf-8',
    ),
};

export const WORKSPACE_ASSETS = Object.keys(BUILD);

export function serveWorkspaceAsset(c: Context, name: string): Response | Promise<Response> {
  const build = BUILD[name];
  if (!build) return c.notFound();
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
