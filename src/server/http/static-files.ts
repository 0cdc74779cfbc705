/**
 * The built site's files, answered from memory. dist/ is built before the server starts and
 * does not change while it runs, so each file is read once, compressed once per encoding on
 * its first request for it, and kept with an ETag for each variant; after that a request costs
 * no file-system call, no compression and no hashing. Reading and hashing every page on every
 * request (serveStatic with the etag middleware) was most of a page's cost: under
 * `npm run bench` a page took the main thread's time from the form posts it shares the thread
 * with.
 *
 * Compressing here rather than at build (issue 18): writing .br and .gz beside every file was
 * about 1 s of a 5 s build with 200 FAQ answers, for files most servers never send (a visitor
 * reads a few answers, not all of them). zlib's asynchronous calls run on libuv's thread pool,
 * so a first request waits a few milliseconds for its file and the main thread none.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

type Encoding = 'br' | 'gzip';

interface SiteFile {
  type: string;
  identity: { body: Uint8Array<ArrayBuffer>; etag: string };
  /** Whether the file is text worth compressing. */
  compressible: boolean;
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer> | null>>>;
}

// Preferred first: Brotli is smaller than gzip for the same text.
const ENCODINGS: Encoding[] = ['br', 'gzip'];
// Pagefind's index files (.pf_*) come gzip-compressed from Pagefind; images are compressed.
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;
// Below one TCP packet compression saves nothing worth the work.
const MIN_BYTES = 1024;
/**
 * Brotli at quality 10 rather than the maximum, 11. Measured 2026-12-06 on the text files of a
 * build with 1,000 FAQ answers (1,069 files, 9.8 MB): q11 2,577,563 B in 14.4 s of CPU, q10
 * 2,606,211 B (+1.1%) in 6.4 s; q9 and below 9% more.
 */
const BROTLI_QUALITY = 10;
// Enough for the site at 1,000 FAQ pages with both variants; past it files are read each time.
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
// A path that steps out of the root, or that the file system could read two ways.
const UNSAFE_PATH = /(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|\0/;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gz(body, { level: 9 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** Brotli when the browser takes it, else gzip, else none; "q=0" refuses an encoding. */
function preferredEncoding(header: string | undefined): Encoding | null {
  const accepted = (header ?? '')
    .split(',')
    .map((part) =>
      part
        .trim()
        .toLowerCase()
        .split(/\s*;\s*/),
    )
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q))
    .map(([name]) => name);
  return ENCODINGS.find((name) => accepted.includes(name)) ?? null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readSiteFile(path: string): SiteFile {
  const body = new Uint8Array(readFileSync(path));
  return {
    type: getMimeType(path) ?? 'application/octet-stream',
    identity: { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` },
    compressible: COMPRESSIBLE.test(path) && body.byteLength >= MIN_BYTES,
    encoded: {},
  };
}

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
    if (cachedBytes + file.identity.body.byteLength <= MEMORY_LIMIT_BYTES) {
      cache.set(requestPath, file);
      cachedBytes += file.identity.body.byteLength;
    }
    return file;
  }

  /**
   * The file in `encoding`, compressed once while the file is kept in memory; null if zlib
   * failed (out of memory), and the next request tries again.
   */
  function encoded(
    requestPath: string,
    file: SiteFile,
    encoding: Encoding,
  ): Promise<Uint8Array<ArrayBuffer> | null> {
    file.encoded[encoding] ??= compress(file.identity.body, encoding).then(
      (buffer) => {
        if (cache.get(requestPath) === file) cachedBytes += buffer.byteLength;
        return new Uint8Array(buffer);
      },
      () => {
        delete file.encoded[encoding];
        return null;
      },
    );
    return file.encoded[encoding];
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = load(c.req.path);
    if (!file) return next();

    const wanted = file.compressible ? preferredEncoding(c.req.header('accept-encoding')) : null;
    // The compressed bytes follow from the original's, so their ETag does too: a revalidation
    // is answered without compressing anything.
    const etagFor = (encoding: Encoding | null) =>
      encoding ? `${file.identity.etag.slice(0, -1)}-${encoding}"` : file.identity.etag;
    c.header('Content-Type', file.type);
    if (file.compressible) c.header('Vary', 'Accept-Encoding');

    const matches = (c.req.header('if-none-match') ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (matches.includes(etagFor(wanted)) || matches.includes('*')) {
      c.header('ETag', etagFor(wanted));
      return c.body(null, 304);
    }
    const compressed = wanted ? await encoded(c.req.path, file, wanted) : null;
    const encoding = compressed ? wanted : null;
    const body = compressed ?? file.identity.body;
    c.header('ETag', etagFor(encoding));
    if (encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Length', String(body.byteLength));
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(body, 200);
  };
}
