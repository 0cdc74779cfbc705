import type { Plugin } from 'vite';

// Vite wraps every dynamic import() of client code in a helper that preloads the imported
// chunk's dependencies and CSS (880 B gz, measured on every page here: the service-worker
// registration loads the offline queue lazily). Preloading only saves a round trip, which
// the service worker's precache makes moot, and none of the lazily loaded modules of this
// site (offline queue, Pagefind client, auto-animate) imports CSS. A plain call keeps the
// lazy loading and drops the bytes. The id is Vite 8's (src/node/plugins/importAnalysisBuild.ts);
// if it changes, the helper is bundled again and the JavaScript budgets in tests/e2e show it.
const PRELOAD_HELPER = '\0vite/preload-helper.js';

export function lazyImportsWithoutPreload(): Plugin {
  return {
    name: 'lazy-imports-without-preload',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      if (id !== PRELOAD_HELPER) return null;
      return 'export const __vitePreload = (load) => load();';
    },
  };
}
