import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Issue 7: the whole site, search index included, should cost a phone less than 1 MB. */
const PRECACHE_BUDGET = 1024 * 1024;
const OFFLINE_PAGE = '/offline/index.html';
const TEMP_DIR = join('.tmp', 'workbox-build');

/**
 * Pages the server fills in per request (`data-slot`, src/server/page-slots.ts: the
 * reference on a confirmation page, the current IKM). A precached copy would show them
 * empty, so they always come from the network.
 */
async function pagesFilledByServer(site: string): Promise<string[]> {
  const pages: string[] = [];
  for (const path of await readdir(site, { recursive: true })) {
    if (path.endsWith('.html') && (await readFile(join(site, path), 'utf8')).includes('data-slot='))
      pages.push(path);
  }
  return pages;
}

/**
 * Writes dist/sw.js with Workbox `generateSW` once the site and its Pagefind index exist, so
 * a citizen who opened any page once can read every page and search without a connection.
 * Must run after pagefind() (the index is precached) and before precompress() (sw.js is
 * compressed with the rest).
 *
 * - Precached, with a content hash per file so a new build replaces exactly what changed:
 *   every page (but those the server fills in per request), the CSS and JS, icons, the
 *   manifest, and the Pagefind runtime and index.
 * - Navigations to anything else go to the network and fall back to /offline/ only when
 *   the network fails. Workbox's `navigateFallback` is not used: it is an app-shell route
 *   that answers every navigation outside the precache with the fallback even when online
 *   (https://github.com/GoogleChrome/workbox/issues/796), which would hide pages the
 *   server makes (confirmation pages, the 404).
 * - /api/, the workspace (/petugas/) and the citizen's account (/akun/) are never cached. Other same-origin GETs are
 *   served from a small cache while being refreshed (stale-while-revalidate).
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // workbox-build bundles the worker through a temporary file it never removes, in the
        // directory `temp-dir` reads from TMPDIR once, when workbox-build is first imported.
        await mkdir(TEMP_DIR, { recursive: true });
        const tmpdir = process.env.TMPDIR;
        process.env.TMPDIR = TEMP_DIR;
        const { generateSW } = await import('workbox-build');
        if (tmpdir === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = tmpdir;
        try {
          const { count, size, warnings } = await generateSW({
            globDirectory: site,
            swDest: join(site, 'sw.js'),
            globPatterns: [
              '**/*.{html,css,js,svg,png,webmanifest}',
              // Pagefind's index and WebAssembly runtime: only what /cari/ loads (the
              // pagefind() integration leaves out the UI bundles the site does not use),
              // and the search vocabulary it writes beside them.
              'pagefind/pagefind-entry.json',
              'pagefind/kosakata.json',
              'pagefind/**/*.{pf_meta,pf_index,pf_fragment,pf_filter}',
              'pagefind/wasm.*.pagefind',
            ],
            // The 404 page is answered by the server (with its status); the offline page
            // takes its place when there is no network.
            globIgnores: ['404.html', 'sw.js', ...(await pagesFilledByServer(site))],
            // Astro's /_astro/ files carry their hash in the name already.
            dontCacheBustURLsMatching: /^_astro\//,
            // Answered from the precache whatever their value: Pagefind's cache-busting
            // `ts`, the search page's `q`, `jenis` and `koreksi` (the header search box of
            // every page leads to /cari/?q=…), the question a search carries to the
            // consultation form (`pertanyaan`, which the island fills in itself), and
            // Workbox's default tracking parameters.
            ignoreURLParametersMatching: [
              /^ts$/,
              /^q$/,
              /^jenis$/,
              /^koreksi$/,
              /^pertanyaan$/,
              /^utm_/,
              /^fbclid$/,
            ],
            // A new build takes over at once; the page then offers to reload (never reloads
            // itself, so a half-filled form is not lost): src/components/OfflineSupport.astro.
            skipWaiting: true,
            clientsClaim: true,
            cleanupOutdatedCaches: true,
            inlineWorkboxRuntime: true,
            sourcemap: false,
            mode: 'production',
            runtimeCaching: [
              {
                urlPattern: ({ request }) => request.mode === 'navigate',
                handler: 'NetworkOnly',
                options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
              },
              {
                // Answers about people's requests, their account, the officers' workspace: never kept.
                urlPattern: ({ url, sameOrigin }) =>
                  sameOrigin &&
                  ['/api/', '/petugas/', '/akun/'].some((p) => url.pathname.startsWith(p)),
                handler: 'NetworkOnly',
              },
              {
                urlPattern: ({ sameOrigin }) => sameOrigin,
                handler: 'StaleWhileRevalidate',
                options: { cacheName: 'pst-runtime', expiration: { maxEntries: 50 } },
              },
            ],
          });
          for (const warning of warnings) logger.warn(warning);
          logger.info(`sw.js written: ${count} files, ${size} bytes precached`);
          if (size > PRECACHE_BUDGET) {
            throw new Error(
              `The service worker precaches ${size} bytes, over the ${PRECACHE_BUDGET}-byte budget. ` +
                'Leave large files out through globIgnores in src/integrations/service-worker.ts.',
            );
          }
        } finally {
          await rm(TEMP_DIR, { recursive: true, force: true });
        }
      },
    },
  };
}
