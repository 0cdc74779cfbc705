/**
 * The built site's files, answered from memory. dist/ is built before the server starts and
 * does not change while it runs, so each file is read once, with its precompressed variants
 * (.br, .gz, made at build) and an ETag for each; after that a request costs no file-system
 * call and no hashing. Reading and hashing every page on every request (serveStatic with the
 * etag middleware) was most of a page's cost: under `npm run bench` a page took the main
 * thread's time from the form posts it shares the thread with.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

type Encoding = 'br' | 'gzip';

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface SiteFile {
  type: string;
  identity: Variant;
  encoded: Partial<Record<Encoding, Variant>>;
}

// Preferred first: Brotli is smaller than gzip for the same text.
const ENCODINGS: [Encoding, string][] = [
  ['br', '.br'],
  ['gzip', '.gz'],
];
// Enough for the site at 1,000 FAQ pages with both variants; past it files are read each time.
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
// A path that steps out of the root, or that the file system could read two ways.
const UNSAFE_PATH = /(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|\0/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function variant(path: string): Variant {
  const body = new Uint8Array(readFileSync(path));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

function readSiteFile(path: string): SiteFile {
  const encoded: SiteFile['encoded'] = {};
  for (const [encoding, suffix] of ENCODINGS) {
    if (isFile(path + suffix)) encoded[encoding] = variant(path + suffix);
  }
  return {
    type: getMimeType(path) ?? 'application/octet-stream',
    identity: variant(path),
    encoded,
  };
}

const size = (file: SiteFile) =>
  [file.identity, ...Object.values(file.encoded)].reduce((sum, v) => sum + v.body.byteLength, 0);

/**
 * The file a request path names (a folder's index.html), or null when there is none. The
 * path is Hono's, already decoded once; decoding it again would let %252e become a dot.
 */
function fileFor(root: string, path: string): string | null {
  if (UNSAFE_PATH.test(path)) return null;
  const full = join(root, path);
  if (path.endsWith('/')) return isFile(join(full, 'index.html')) ? join(full, 'index.html') : null;
  if (isFile(full)) return full;
  return isFile(join(full, 'index.html')) ? join(full, 'index.html') : null;
}

/** GET and HEAD of the files under `root`; anything else goes on to the next handler. */
export function siteFiles(root: string): MiddlewareHandler {
  const cache = new Map<string, SiteFile>();
  let cachedBytes = 0;

  function load(requestPath: string): SiteFile | null {
    const known = cache.get(requestPath);
    if (known) return known;
    const path = fileFor(root, requestPath);
    if (path === null) return null;
    const file = readSiteFile(path);
    if (cachedBytes + size(file) <= MEMORY_LIMIT_BYTES) {
      cache.set(requestPath, file);
      cachedBytes += size(file);
    }
    return file;
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = load(c.req.path);
    if (!file) return next();

    const accepted = (c.req.header('accept-encoding') ?? '').split(',').map((e) => e.trim());
    const encoding = ENCODINGS.map(([name]) => name).find(
      (name) => file.encoded[name] && accepted.includes(name),
    );
    const chosen = encoding ? file.encoded[encoding]! : file.identity;
    c.header('Content-Type', file.type);
    c.header('ETag', chosen.etag);
    if (Object.keys(file.encoded).length > 0) c.header('Vary', 'Accept-Encoding');
    if (encoding) c.header('Content-Encoding', encoding);

    const matches = (c.req.header('if-none-match') ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (matches.includes(chosen.etag) || matches.includes('*')) return c.body(null, 304);
    c.header('Content-Length', String(chosen.body.byteLength));
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(chosen.body, 200);
  };
}
