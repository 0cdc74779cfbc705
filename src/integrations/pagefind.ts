import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { contentDir, loadFaqs, loadSearchWords } from '../content-schemas/load.ts';
import { PAGE_FRAGMENTS_PATH, parseFragment, type Fragment } from '../lib/pagefind-fragment.ts';
import {
  buildVocabulary,
  VOCABULARY_BUDGET_GZ,
  VOCABULARY_PATH,
} from '../lib/search-vocabulary.ts';

// Pagefind also writes its ready-made search UIs (≈ 430 KB: pagefind-ui, -modular-ui,
// -component-ui, -highlight) and a WebAssembly build for pages without a language. The site
// uses neither: /cari/ has its own island on the JS API and every page is lang="id". Left
// out, they are not served or precached for offline use.
const UNUSED =
  /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|wasm\.unknown\.pagefind)$/;

interface IndexFile {
  path: string;
  content: Uint8Array;
}

const fragments = (files: IndexFile[]) =>
  files
    .filter((file) => file.path.startsWith('fragment/'))
    .map((file) => ({
      path: file.path,
      fragment: parseFragment(gunzipSync(file.content).toString('utf8')),
    }));

/**
 * The map from each page's path to its fragment, for the offline page to show an answer
 * that is not on the device from the index the service worker keeps.
 */
function pageFragmentsFile(found: { path: string; fragment: Fragment }[]): Uint8Array {
  const map = Object.fromEntries(found.map(({ path, fragment }) => [fragment.url, path]));
  return new TextEncoder().encode(JSON.stringify(map));
}

/**
 * The search vocabulary (src/lib/search-vocabulary.ts) from the index's own fragments, so it
 * holds exactly the words Pagefind can find, plus the FAQ keywords and kata.yaml's maps.
 */
function vocabularyFile(found: { fragment: Fragment }[]): Uint8Array {
  const texts = found.map(({ fragment }) => fragment.content);
  const keywords = loadFaqs(contentDir()).flatMap((faq) => faq.keywords);
  const json = JSON.stringify(buildVocabulary(texts, keywords, loadSearchWords(contentDir())));
  const gz = gzipSync(json, { level: 9 }).length;
  if (gz > VOCABULARY_BUDGET_GZ) {
    throw new Error(
      `The search vocabulary is ${gz} B gz, over its ${VOCABULARY_BUDGET_GZ}-byte budget: ` +
        'shorten the word maps in content/pencarian/kata.yaml or leave rare words out in src/lib/search-vocabulary.ts.',
    );
  }
  return new TextEncoder().encode(json);
}

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Builds the search index of the finished site into dist/pagefind/ through Pagefind's Node
 * API, so `astro build` alone produces a searchable site. What is indexed is decided in the
 * HTML: BaseLayout marks the main content with data-pagefind-body (pages without it, such
 * as 404 and /cari/, stay out), the page kind as the filter "jenis" and the weight.
 * Beside the index it writes the search vocabulary (kosakata.json) that the query layer
 * corrects typos with, and the map from each page to its fragment (halaman.json).
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
          const paths = files.map((file) => join(site, 'pagefind', file.path));
          // A few folders, hundreds of files: made first, then written all at once.
          for (const folder of new Set(paths.map((path) => dirname(path))))
            await mkdir(folder, { recursive: true });
          await Promise.all(paths.map((path, i) => writeFile(path, files[i].content)));
          const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
          logger.info(
            `${pages} of ${added.page_count} pages indexed; ${files.length} files, ${bytes} bytes in pagefind/`,
          );
          const found = fragments(files);
          const vocabulary = vocabularyFile(found);
          await writeFile(join(site, VOCABULARY_PATH), vocabulary);
          logger.info(`search vocabulary: ${vocabulary.length} bytes in ${VOCABULARY_PATH}`);
          await writeFile(join(site, PAGE_FRAGMENTS_PATH), pageFragmentsFile(found));
        } finally {
          // The API runs the Pagefind binary as a child process; close it so the build exits.
          await close();
        }
      },
    },
  };
}
