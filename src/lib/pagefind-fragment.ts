/**
 * Reading Pagefind's fragments: the text it indexed of each page, which the search shows
 * excerpts from. The build reads them for the search vocabulary and the page → fragment map;
 * the offline page (src/pages/offline.astro) shows an answer that is not on the device from
 * its fragment, which the service worker keeps with the index.
 */

/** Where the build writes the map from a page's path to its fragment's file under /pagefind/. */
export const PAGE_FRAGMENTS_PATH = '/pagefind/halaman.json';

export interface Fragment {
  url: string;
  /** The page's indexed text, headings included, as one string. */
  content: string;
  meta: { title?: string };
}

// A fragment is gzip of this signature and a page's JSON (Pagefind 1.x, pagefind_web's
// "pagefind_dcd" check).
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A fragment from its text once gunzipped. */
export function parseFragment(text: string): Fragment {
  if (!text.startsWith(FRAGMENT_SIGNATURE))
    throw new Error('Pagefind fragment without its signature: has the format changed?');
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
}

/** The answer's words without its title, which Pagefind indexes first (the page's h1). */
export function answerText(fragment: Fragment): string {
  const title = fragment.meta.title?.trim();
  const content = fragment.content.trim();
  return title && content.startsWith(title) ? content.slice(title.length).trim() : content;
}
