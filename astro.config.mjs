// @ts-check
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { jsxWithoutBabel } from './src/integrations/jsx-without-babel.ts';
import { lazyImportsWithoutPreload } from './src/integrations/lazy-imports.ts';
import { contentDir, loadHolidays, loadOffice } from './src/content-schemas/load.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { quietMdxDirectives } from './src/integrations/quiet-mdx-directives.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// The canonical address comes from the office's own file (CONTENT_DIR, default ./content),
// read and validated by the same reader as the server and the linter.
const office = loadOffice(contentDir());
// Not used by any page, but a bad holidays.yaml must stop the build as it stops the server.
loadHolidays(contentDir());

export default defineConfig({
  site: office.siteUrl,
  trailingSlash: 'always',
  // Beside .astro/ rather than in node_modules/: a build of another content folder from
  // another root (tests/server/second-office.test.ts) then keeps its content cache apart.
  cacheDir: './.astro/cache',
  // Astro's HTML compression drops the line break between text and a following tag
  // ("Lihat<a>" shows as "Lihatpengaduan") and between <dt> and <dd>, which also runs
  // words together in the search index. Gzip takes care of the whitespace instead.
  compressHTML: false,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts stay external too (Astro inlines those under 4 KB): the browser and the service
  // worker cache one file instead of a copy in every page, and the CSP needs no hash for it.
  vite: {
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      modulePreload: false,
    },
    plugins: [lazyImportsWithoutPreload(), quietMdxDirectives(), jsxWithoutBabel()],
  },
  integrations: [
    mdx(),
    // Babel (through @preact/preset-vite) only where JSX is, in development: left at its
    // default it parsed and printed every .ts file of src/ as well, about 1 s of CPU per build
    // (profile of a cold build with 200 answers, 2026-12-06). Builds skip it (jsx-without-babel).
    preact({ include: ['**/*.tsx'] }),
    sitemap({ filter: (page) => !/\/(offline|404|cari|terkirim)\/?$/.test(page) }),
    // After sitemap(), whose file it reads.
    linkCheck(),
    pagefind(),
    serviceWorker(),
  ],
});
