import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../content-schemas/load.ts';

const SOURCES = [
  contentDir(),
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
];
// The server's own code is served from source, not from the build.
const NOT_IN_BUILD = [join('src', 'server')];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (NOT_IN_BUILD.includes(path)) return 0;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than any source that goes into it. */
export function isStale(distDir: string): boolean {
  const built = statSync(join(distDir, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestMtime(source) > built.mtimeMs);
}

/** Runs `astro build` in this process's Node when dist/ is stale; exits on a failed build. */
export function buildIfStale(distDir: string): void {
  if (!isStale(distDir)) return;
  console.log('Membangun situs (dist/ belum ada atau lebih lama dari sumbernya)…');
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Build gagal; periksa pesan di atas.');
    process.exit(result.status ?? 1);
  }
}
