// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { precompress } from './src/integrations/precompress.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// The canonical address comes from the office's own file, so a fork changes it there.
const office = parse(readFileSync(new URL('./content/office.yaml', import.meta.url), 'utf8'));

export default defineConfig({
  site: office.siteUrl,
  trailingSlash: 'always',
  // Astro's HTML compression drops the line break between text and a following tag
  // ("Lihat<a>" shows as "Lihatpengaduan") and between <dt> and <dd>, which also runs
  // words together in the search index. Gzip takes care of the whitespace instead.
  compressHTML: false,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts stay external too (Astro inlines those under 4 KB): the browser and the service
  // worker cache one file instead of a copy in every page, and the CSP needs no hash for it.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !/\/(offline|404|cari|terkirim)\/?$/.test(page) }),
    // After sitemap(), whose file it reads.
    linkCheck(),
    pagefind(),
    serviceWorker(),
    // Last: compresses what the integrations before it wrote.
    precompress(),
  ],
});
