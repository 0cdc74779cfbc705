// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { pagefind } from './src/integrations/pagefind.ts';
import { precompress } from './src/integrations/precompress.ts';

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
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !/\/(offline|404|cari)\/?$/.test(page) }),
    pagefind(),
    // Last: compresses what the integrations before it wrote.
    precompress(),
  ],
});
