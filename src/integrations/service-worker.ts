import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { contentDir, loadFaqs } from '../content-schemas/load.ts';
import { offlineFaqs } from '../lib/offline-faqs.ts';
import { PAGE_FRAGMENTS_PATH } from '../lib/pagefind-fragment.ts';

/**
 * Issue 7: what a phone stores when it first opens the site should stay under 1 MB. Issue 18:
 * the core below does not grow with the number of pages, so the budget holds at any size.
 */
export const PRECACHE_BUDGET = 1024 * 1024;
const OFFLINE_PAGE = '/offline/index.html';
const SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));

/** The pages kept on the device from the first visit, besides the chosen FAQ answers. */
const CORE_PAGES = [
  '/',
  '/standar-pelayanan/',
  '/prosedur/',
  '/prosedur/datang-langsung/',
  '/prosedur/online/',
  '/faq/',
  '/konsultasi/',
  '/pengaduan/',
  '/penilaian/',
  '/status/',
  '/offline/',
  '/cari/',
];
/** Pagefind's runtime and what it reads first; the rest of the index is kept as SEARCH. */
const PAGEFIND_RUNTIME =
  /^pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|kosakata\.json|wasm\.id\.pagefind)$/;
const SEARCH_FILES = /^pagefind\/(fragment|index|filter)\/|^pagefind\/[^/]+\.pf_meta$/;
/** The shell: Astro's CSS and JS (hashed names), the icons and the manifest at the root. */
const SHELL = /^_astro\/.+\.(css|js)$|^[^/]+\.(svg|png|ico|webmanifest)$/;
/** Never cached: requests, the workspace, the citizen's account, the walk-in screens. */
const NEVER_CACHED = ['/api/', '/petugas/', '/akun/', '/loket/', '/antrean/'];
/** Pagefind and Astro put a content hash in these names: the name is the revision. */
const HASHED_NAME = /^_astro\/|^pagefind\/(fragment|index|filter)\/|\.pf_meta$/;

interface Entry {
  url: string;
  revision: string | null;
}

async function listFiles(site: string): Promise<string[]> {
  const paths = await readdir(site, { recursive: true, withFileTypes: true });
  return paths
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(site.length).replaceAll('\\', '/'))
    .map((path) => path.replace(/^\//, ''));
}

const pageFile = (path: string) => `${path.slice(1)}index.html`;

/**
 * Pages the server fills in per request (`data-slot`, src/server/page-slots.ts: the reference
 * on a confirmation page, the current IKM). A cached copy would show them empty, so they
 * always come from the network.
 */
async function pagesFilledByServer(site: string, files: string[]): Promise<string[]> {
  const pages = files.filter((path) => path.endsWith('.html'));
  const filled = await Promise.all(
    pages.map(async (file) => (await readFile(join(site, file), 'utf8')).includes('data-slot=')),
  );
  return pages.filter((_, i) => filled[i]).map((file) => `/${file.replace(/index\.html$/, '')}`);
}

async function entries(site: string, files: string[]): Promise<{ list: Entry[]; bytes: number }> {
  const found = await Promise.all(
    files.map(async (file) => {
      const path = join(site, file);
      if (HASHED_NAME.test(file))
        return { entry: { url: `/${file}`, revision: null }, size: (await stat(path)).size };
      const content = await readFile(path);
      const revision = createHash('md5').update(content).digest('hex');
      return { entry: { url: `/${file}`, revision }, size: content.length };
    }),
  );
  return {
    list: found.map(({ entry }) => entry),
    bytes: found.reduce((sum, { size }) => sum + size, 0),
  };
}

/**
 * Writes dist/sw.js once the site and its Pagefind index exist: src/service-worker/sw.ts
 * bundled by esbuild with the lists of this build. Must run after pagefind() (whose files it
 * lists). Fails the build when the core is over its budget, naming what weighs most.
 *
 * workbox-build's generateSW did this before: about 3 s of the 5.4 s build of the office's
 * content, and 4 s with 1,000 answers, mostly bundling the worker with Rollup and Babel on
 * every build; listing, hashing and bundling with esbuild take 0.15 s with 200 answers and
 * 0.4 s with 1,000 (build log timestamps, 2026-12-06).
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = await listFiles(site);
        const have = new Set(files);
        const answers = offlineFaqs(loadFaqs(contentDir())).map((faq) => `/faq/${faq.id}/`);
        const filledByServer = await pagesFilledByServer(site, files);
        const wanted = [...CORE_PAGES, ...answers].filter((page) => !filledByServer.includes(page));
        const pages = wanted.map(pageFile);
        const missing = pages.filter((page) => !have.has(page));
        if (missing.length > 0)
          throw new Error(
            `Pages the service worker must keep were not built: ${missing.join(', ')}`,
          );
        const core = await entries(site, [
          ...pages,
          ...files.filter((file) => SHELL.test(file) || PAGEFIND_RUNTIME.test(file)),
        ]);
        const search = await entries(site, [
          ...files.filter((file) => SEARCH_FILES.test(file)),
          PAGE_FRAGMENTS_PATH.slice(1),
        ]);
        if (core.bytes > PRECACHE_BUDGET) {
          const sizes = await Promise.all(
            core.list.map(async ({ url }) => ({ url, size: (await stat(join(site, url))).size })),
          );
          const heaviest = sizes
            .sort((a, b) => b.size - a.size)
            .slice(0, 5)
            .map(({ url, size }) => `${url} (${size} B)`);
          throw new Error(
            `The service worker would store ${core.bytes} bytes at the first visit, over the ` +
              `${PRECACHE_BUDGET}-byte budget. The heaviest: ${heaviest.join(', ')}. Mark fewer ` +
              'FAQ answers `offline: true`, or make these files smaller.',
          );
        }
        await build({
          entryPoints: [SOURCE],
          outfile: join(site, 'sw.js'),
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2022',
          legalComments: 'none',
          logLevel: 'warning',
          define: {
            // Workbox logs in development builds only.
            'process.env.NODE_ENV': '"production"',
            PRECACHE: JSON.stringify(core.list),
            SEARCH: JSON.stringify(search.list),
            NEVER_CACHED: JSON.stringify(NEVER_CACHED),
            FILLED_BY_SERVER: JSON.stringify(filledByServer),
            OFFLINE_PAGE: JSON.stringify(OFFLINE_PAGE),
          },
        });
        logger.info(
          `sw.js written: ${core.list.length} files, ${core.bytes} bytes precached; ` +
            `search index ${search.list.length} files, ${search.bytes} bytes`,
        );
      },
    },
  };
}
