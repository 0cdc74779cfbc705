import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { internalLinks, orphanPages } from '../lib/orphan-pages.ts';

/**
 * Fails the build when a page of the sitemap is linked from no other page (issue: the forms
 * were reachable only through the sitemap). Runs after @astrojs/sitemap has written it.
 */
export function linkCheck(): AstroIntegration {
  return {
    name: 'link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = await readdir(site, { recursive: true });
        const sitemaps = files.filter((file) => /^sitemap-\d+\.xml$/.test(file));
        const required: string[] = [];
        let origin = '';
        for (const sitemap of sitemaps) {
          for (const [, loc] of (await readFile(join(site, sitemap), 'utf8')).matchAll(
            /<loc>([^<]+)<\/loc>/g,
          )) {
            const url = new URL(loc);
            origin = url.origin;
            required.push(url.pathname);
          }
        }
        if (required.length === 0) throw new Error('link-check: the sitemap lists no page');
        const links = new Map<string, string[]>();
        for (const file of files.filter((name) => name.endsWith('.html'))) {
          const path = `/${file.replace(/index\.html$/, '').replace(/\.html$/, '/')}`;
          links.set(path, internalLinks(await readFile(join(site, file), 'utf8'), origin));
        }
        const orphans = orphanPages(links, required);
        if (orphans.length > 0) {
          throw new Error(
            `These pages of the sitemap are linked from no other page: ${orphans.join(', ')}. ` +
              'Link each from where a citizen would look for it (a procedure step, the header or footer, a related page).',
          );
        }
        logger.info(`${required.length} pages of the sitemap, each linked from another page`);
      },
    },
  };
}
