/**
 * The built site's files from memory: compressed on first request in the encoding the browser
 * takes, each variant with its ETag, 304s, and no way out of the root.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, expect, test, vi } from 'vitest';
import { siteFiles } from '../../src/server/http/static-files.ts';
import { tempDir } from './harness.ts';

// Brotli made to fail once on request, as zlib does when memory runs out.
const brotliFails = vi.hoisted(() => ({ next: false }));
vi.mock('node:zlib', async (original) => {
  const zlib = await original<typeof import('node:zlib')>();
  return {
    ...zlib,
    brotliCompress: (...args: Parameters<typeof zlib.brotliCompress>) => {
      if (!brotliFails.next) return zlib.brotliCompress(...args);
      brotliFails.next = false;
      (args.at(-1) as (error: Error) => void)(new Error('Cannot allocate memory'));
    },
  };
});

const dir = tempDir();
const root = join(dir.path, 'dist');
// Over the 1 KB below which nothing is compressed.
const page = `<!doctype html><h1>Standar Pelayanan</h1>${'<p>Persyaratan pelayanan.</p>'.repeat(60)}`;
mkdirSync(join(root, 'standar-pelayanan'), { recursive: true });
writeFileSync(join(root, 'standar-pelayanan', 'index.html'), page);
writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"PST"}');
writeFileSync(join(dir.path, 'rahasia.txt'), 'outside the root');
afterAll(() => dir.remove());

const app = new Hono().use('*', siteFiles(root));
app.notFound((c) => c.text('tidak ada', 404));
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

test('the variant the browser accepts, Brotli first, each with its own ETag', async () => {
  const br = await get('/standar-pelayanan/', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.status).toBe(200);
  expect(br.headers.get('content-encoding')).toBe('br');
  expect(br.headers.get('vary')).toBe('Accept-Encoding');
  expect(br.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const brBody = await bytes(br);
  expect(brBody.length).toBeLessThan(page.length / 4);
  expect(br.headers.get('content-length')).toBe(String(brBody.length));
  expect(brotliDecompressSync(brBody).toString()).toBe(page);

  const gzip = await get('/standar-pelayanan/', { 'accept-encoding': 'gzip' });
  expect(gzip.headers.get('content-encoding')).toBe('gzip');
  expect(gunzipSync(await bytes(gzip)).toString()).toBe(page);
  const plain = await get('/standar-pelayanan/');
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(await plain.text()).toBe(page);
  const tags = [br, gzip, plain].map((response) => response.headers.get('etag'));
  expect(new Set(tags).size).toBe(3);
});

test('an encoding refused with q=0 is not sent', async () => {
  const response = await get('/standar-pelayanan/', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
  expect(response.headers.get('content-encoding')).toBe('gzip');
  const none = await get('/standar-pelayanan/', { 'accept-encoding': 'br;q=0' });
  expect(none.headers.get('content-encoding')).toBeNull();
  expect(await none.text()).toBe(page);
});

test('a file zlib fails to compress goes as it is, and is compressed at the next request', async () => {
  writeFileSync(join(root, 'gagal.html'), page);
  brotliFails.next = true;
  const first = await get('/gagal.html', { 'accept-encoding': 'br' });
  expect(first.status).toBe(200);
  expect(first.headers.get('content-encoding')).toBeNull();
  expect(await first.text()).toBe(page);
  const second = await get('/gagal.html', { 'accept-encoding': 'br' });
  expect(second.headers.get('content-encoding')).toBe('br');
  expect(brotliDecompressSync(await bytes(second)).toString()).toBe(page);
});

test('small files and files that are not text go as they are', async () => {
  const manifest = await get('/manifest.webmanifest', { 'accept-encoding': 'br, gzip' });
  expect(manifest.headers.get('content-encoding')).toBeNull();
  expect(await manifest.text()).toBe('{"name":"PST"}');
});

test('a folder without its slash and a file by its name', async () => {
  expect(await (await get('/standar-pelayanan')).text()).toBe(page);
  const manifest = await get('/manifest.webmanifest');
  expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
  expect(manifest.headers.get('vary')).toBeNull();
});

test('a matching If-None-Match is a 304 without a body; HEAD gives the length only', async () => {
  const first = await get('/standar-pelayanan/', { 'accept-encoding': 'br' });
  const etag = first.headers.get('etag')!;
  const again = await get('/standar-pelayanan/', {
    'accept-encoding': 'br',
    'if-none-match': etag,
  });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  const weak = await get('/standar-pelayanan/', {
    'accept-encoding': 'br',
    'if-none-match': `W/${etag}`,
  });
  expect(weak.status).toBe(304);
  const other = await get('/standar-pelayanan/', {
    'accept-encoding': 'gzip',
    'if-none-match': etag,
  });
  expect(other.status).toBe(200);

  const head = await app.request('/standar-pelayanan/', { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
  expect(await head.text()).toBe('');
});

test('paths that leave the root or do not exist go on to the 404', async () => {
  for (const path of [
    '/../rahasia.txt',
    '/%2e%2e/rahasia.txt',
    '/a/..%2f..%2frahasia.txt',
    '/%E0%A4%A',
    '/%252e%252e/rahasia.txt',
    '/tidak-ada/',
  ]) {
    const response = await get(path);
    expect(response.status, path).toBe(404);
    expect(await response.text()).toBe('tidak ada');
  }
});

test('a file is read once: changed on disk, the server still answers what it read', async () => {
  writeFileSync(join(root, 'sekali.txt'), 'pertama');
  expect(await (await get('/sekali.txt')).text()).toBe('pertama');
  writeFileSync(join(root, 'sekali.txt'), 'kedua');
  expect(await (await get('/sekali.txt')).text()).toBe('pertama');
  rmSync(join(root, 'sekali.txt'));
});
