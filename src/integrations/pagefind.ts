import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

// Pagefind also writes its ready-made search UIs (≈ 430 KB: pagefind-ui, -modular-ui,
// -component-ui, -highlight) and a WebAssembly build for pages without a language. The site
// uses neither: /cari/ has its own island on the JS API and every page is lang="id". Left
// out, they are not served, precompressed or precached for offline use.
const UNUSED =
  /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|wasm\.unknown\.pagefind)$/;

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Builds the search index of the finished site into dist/pagefind/ through Pagefind's Node
 * API, so `astro build` alone produces a searchable site. What is indexed is decided in the
 * HTML: BaseLayout marks the main content with data-pagefind-body (pages without it, such
 * as 404 and /cari/, stay out), the page kind as the filter "jenis" and the weight.
 * Must run before precompress, which then compresses pagefind.js and its entry JSON.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Every page says lang="id"; forcing it keeps one Indonesian index (with Indonesian
        // stemming: "pendaftaran" finds "daftar") even if a page ever lacks the attribute.
        const { index, errors } = await createIndex({ forceLanguage: 'id' });
        failOn('createIndex', errors);
        if (!index) throw new Error('Pagefind createIndex returned no index');
        try {
          const added = await index.addDirectory({ path: site });
          failOn(`indexing ${site}`, added.errors);
          const output = await index.getFiles();
          failOn('getFiles', output.errors);
          const files = output.files.filter((file) => !UNUSED.test(file.path));
          const entry = files.find((file) => file.path === 'pagefind-entry.json');
          const languages: Record<string, { page_count: number }> = entry
            ? JSON.parse(new TextDecoder().decode(entry.content)).languages
            : {};
          const pages = Object.values(languages).reduce(
            (sum, language) => sum + language.page_count,
            0,
          );
          if (pages === 0) {
            throw new Error(
              `Pagefind indexed no page of ${site}: no page has data-pagefind-body; check BaseLayout.astro`,
            );
          }
          for (const file of files) {
            const path = join(site, 'pagefind', file.path);
            await mkdir(dirname(path), { recursive: true });
            await writeFile(path, file.content);
          }
          const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
          logger.info(
            `${pages} of ${added.page_count} pages indexed; ${files.length} files, ${bytes} bytes in pagefind/`,
          );
        } finally {
          // The API runs the Pagefind binary as a child process; close it so the build exits.
          await close();
        }
      },
    },
  };
}
