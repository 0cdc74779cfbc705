/**
 * The lazily loaded half of the search: the Pagefind runtime, the vocabulary and the query
 * layer, in a chunk that no page loads with itself. /cari/ reaches it through
 * pagefind-client.ts; the consultation form's suggestions import it directly, so that the
 * form page carries none of the search page's code.
 */
import {
  EMPTY_DICTIONARY,
  readDictionary,
  type Dictionary,
  type VocabularyFile,
} from '../lib/search-query.ts';
import { VOCABULARY_PATH } from '../lib/search-vocabulary.ts';
import { searchSite, type SearchIndex } from '../lib/site-search.ts';
import type { SearchEngine } from './pagefind-client.ts';

export { toHit } from './pagefind-client.ts';

// Written by src/integrations/pagefind.ts at build time, so neither exists under `astro dev`.
const PAGEFIND_URL = '/pagefind/pagefind.js';

interface PagefindRuntime extends SearchIndex {
  options: (options: { excerptEllipsis: string }) => Promise<void>;
}

async function loadPagefind(): Promise<PagefindRuntime> {
  const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindRuntime;
  await pagefind.options({ excerptEllipsis: '…' });
  return pagefind;
}

async function loadDictionary(): Promise<Dictionary> {
  try {
    const response = await fetch(VOCABULARY_PATH);
    if (!response.ok) throw new Error(`${VOCABULARY_PATH}: ${response.status}`);
    return readDictionary((await response.json()) as VocabularyFile);
  } catch (error) {
    // Without it the search still works, as plain Pagefind: no maps, no corrections.
    console.warn('Kosakata pencarian tidak dapat dimuat:', error);
    return EMPTY_DICTIONARY;
  }
}

async function openSearchEngine(): Promise<SearchEngine> {
  const [pagefind, dictionary] = await Promise.all([loadPagefind(), loadDictionary()]);
  return { search: (text, options) => searchSite(pagefind, dictionary, text, options) };
}

let enginePromise: Promise<SearchEngine> | undefined;

/** The search, loaded once for the page. */
export function loadSearchEngine(): Promise<SearchEngine> {
  enginePromise ??= openSearchEngine().catch((error: unknown) => {
    // Let the next keystroke try again (e.g. after the connection comes back).
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}
