// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { precompress } from './src/integrations/precompress.ts';

// The canonical address comes from the office's own file, so a fork changes it there.
const office = parse(readFileSync(new URL('./content/office.yaml', import.meta.url), 'utf8'));

export default defineConfig({
  site: office.siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !/\/(offline|404)\/?$/.test(page) }),
    // Last: compresses what the integrations before it wrote.
    precompress(),
  ],
});
