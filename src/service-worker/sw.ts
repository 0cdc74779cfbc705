/**
 * The service worker, bundled into dist/sw.js by src/integrations/service-worker.ts, which
 * fills in the lists below from the finished build.
 *
 * - The core (PRECACHE: the shell, CSS and JS, the main pages, the answers chosen by
 *   src/lib/offline-faqs.ts, Pagefind's runtime) is stored at install, within a budget that
 *   does not grow with the number of pages.
 * - Pagefind's index and fragments (SEARCH) are stored at install too, in a cache of their
 *   own, so that a search offline finds every page and the offline page can show the text
 *   of an answer that was never opened. Their names carry a content hash: a new build
 *   downloads only the files that changed.
 * - Any other page is kept once visited (network first, the copy when there is no network),
 *   in a cache with an entry limit and an age limit.
 * - /api/, the workspace, the citizen's account, the walk-in screens (NEVER_CACHED) and the
 *   pages the server fills in per request (FILLED_BY_SERVER) always come from the network.
 * - Offline, a page that is in no cache gets /offline/, which shows the answer from its
 *   fragment when the page is one the index knows.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  PrecacheController,
  PrecacheRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';

// Filled in by esbuild's `define` (src/integrations/service-worker.ts).
declare const PRECACHE: PrecacheEntry[];
declare const SEARCH: PrecacheEntry[];
declare const NEVER_CACHED: string[];
declare const FILLED_BY_SERVER: string[];
declare const OFFLINE_PAGE: string;

interface InstallEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
declare const self: { skipWaiting(): Promise<void>; addEventListener: typeof addEventListener };

const DAY_S = 24 * 60 * 60;

const core = new PrecacheController();
core.addToCacheList(PRECACHE);
// The name the worker made by workbox-build used for its runtime cache is kept by the
// asset route below; its precache had the default name, which `core` reuses, so a device
// updating from it downloads only what changed.
const search = new PrecacheController({ cacheName: 'pst-search' });
search.addToCacheList(SEARCH);

self.addEventListener('install', (event) => {
  void core.install(event as InstallEvent);
  void search.install(event as InstallEvent);
});
self.addEventListener('activate', (event) => {
  void core.activate(event as InstallEvent);
  void search.activate(event as InstallEvent);
});
cleanupOutdatedCaches();
// A new build takes over at once; the page then offers to reload (never reloads itself, so a
// half-filled form is not lost): src/components/OfflineSupport.astro.
void self.skipWaiting();
clientsClaim();

registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin &&
    (NEVER_CACHED.some((path) => url.pathname.startsWith(path)) ||
      FILLED_BY_SERVER.includes(url.pathname)),
  new NetworkOnly(),
);

registerRoute(
  new PrecacheRoute(core, {
    // Answered from the precache whatever their value: Pagefind's cache-busting `ts`, the
    // search page's `q`, `jenis` and `koreksi` (the header search box of every page leads to
    // /cari/?q=…), the question a search carries to the consultation form (`pertanyaan`,
    // which the island fills in itself), and the usual tracking parameters.
    ignoreURLParametersMatching: [
      /^ts$/,
      /^q$/,
      /^jenis$/,
      /^koreksi$/,
      /^pertanyaan$/,
      /^utm_/,
      /^fbclid$/,
    ],
  }),
);
registerRoute(new PrecacheRoute(search, { ignoreURLParametersMatching: [/.*/] }));

registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
  new NetworkFirst({
    cacheName: 'pst-pages',
    plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * DAY_S })],
  }),
);
registerRoute(
  ({ sameOrigin }) => sameOrigin,
  new StaleWhileRevalidate({
    cacheName: 'pst-runtime',
    plugins: [new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 30 * DAY_S })],
  }),
);

// Only when the network failed and no cache had the page. Workbox's navigateFallback is not
// used: it answers every navigation outside the precache with the fallback even online
// (https://github.com/GoogleChrome/workbox/issues/796), which would hide the pages the
// server makes (confirmation pages, the 404).
setCatchHandler(async ({ request }) => {
  if (request.mode !== 'navigate') return Response.error();
  return (await core.matchPrecache(OFFLINE_PAGE)) ?? Response.error();
});
