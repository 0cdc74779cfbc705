import { describe, expect, test } from 'vitest';
import { readDictionary, splitWords } from '../../src/lib/search-query.ts';
import type { PageKind } from '../../src/lib/search-state.ts';
import { searchSite, type IndexResult, type SearchIndex } from '../../src/lib/site-search.ts';

interface Page {
  url: string;
  kind: PageKind;
  text: string;
}

/**
 * An index that behaves like Pagefind where it matters here: a page is found when it holds
 * every word of the term (or a word starting with it), scored by how often.
 */
function fakeIndex(pages: Page[]): SearchIndex & { terms: string[] } {
  const searched: string[] = [];
  return {
    terms: searched,
    async search(term, { filters }) {
      searched.push(term);
      const words = splitWords(term);
      const found = pages
        .map((page, id) => {
          const text = splitWords(page.text);
          const hits = words.map((word) => text.filter((w) => w.startsWith(word)).length);
          return { page, id, score: hits.every((n) => n > 0) ? hits.reduce((a, b) => a + b) : 0 };
        })
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score);
      const totals: Partial<Record<PageKind, number>> = {};
      for (const { page } of found) totals[page.kind] = (totals[page.kind] ?? 0) + 1;
      const results: IndexResult[] = found
        .filter(({ page }) => filters.jenis.any.includes(page.kind))
        .map(({ page, id, score }) => ({
          id: String(id),
          score,
          data: async () => ({
            url: page.url,
            excerpt: page.text,
            meta: { title: page.url },
            filters: { jenis: [page.kind] },
          }),
        }));
      return { results, totalFilters: { jenis: totals } };
    },
  };
}

const dictionary = readDictionary({
  words: Object.fromEntries(
    'kantor alamat lokasi mana bps jalan biaya gratis konsultasi zoom video lewat melalui email akun perlu'
      .split(' ')
      .map((word) => [word, 1]),
  ),
  spellings: { dimana: 'di mana', lewat: 'melalui', butuh: 'perlu' },
  stopwords: ['di', 'yang', 'apa', 'ya'],
  optional: ['konsultasi', 'bps'],
  synonyms: [['zoom', 'video']],
  endings: ['nya'],
});

const PAGES: Page[] = [
  { url: '/faq/lokasi/', kind: 'faq', text: 'Di mana alamat kantor? Alamat kantor di jalan raya.' },
  { url: '/faq/biaya/', kind: 'faq', text: 'Berapa biaya konsultasi? Gratis, biaya tidak ada.' },
  { url: '/faq/video/', kind: 'faq', text: 'Konsultasi lewat video bisa.' },
  { url: '/kontak/', kind: 'halaman', text: 'Kontak kantor bps: alamat, email.' },
  { url: '/prosedur/', kind: 'prosedur', text: 'Konsultasi melalui aplikasi bps, email dan akun.' },
  {
    url: '/standar/',
    kind: 'standar',
    text: 'Standar konsultasi bps: biaya, email, akun, kantor.',
  },
];

const urls = async (results: IndexResult[]) =>
  Promise.all(results.map(async (result) => (await result.data()).url));
const run = (text: string, options: Partial<Parameters<typeof searchSite>[3]> = {}) => {
  const index = fakeIndex(PAGES);
  return {
    index,
    search: searchSite(index, dictionary, text, { kind: null, correct: true, ...options }),
  };
};

describe('searchSite', () => {
  test('enough pages with every word: Pagefind’s answer as it is, from one search', async () => {
    const { index, search } = run('email');
    const found = await search;
    expect(await urls(found.results)).toEqual(['/kontak/', '/prosedur/', '/standar/']);
    expect(found).toMatchObject({ normalised: 'email', corrected: null, partial: false });
    expect(found.counts).toEqual({ halaman: 1, prosedur: 1, standar: 1 });
    expect(index.terms).toEqual(['email']);
  });

  test('no page with every word: the words one by one, the pages with most of them first', async () => {
    const found = await run('alamat kantor gratis').search;
    expect(found.partial).toBe(true);
    const [first, second, ...rest] = await urls(found.results);
    // Two of the three words, the one with them more often first; then one word each.
    expect([first, second]).toEqual(['/faq/lokasi/', '/kontak/']);
    expect(rest.sort()).toEqual(['/faq/biaya/', '/standar/']);
  });

  test('fewer than three pages with every word: those first, then pages with some', async () => {
    const found = await run('biaya akun').search;
    expect(found.partial).toBe(false);
    const [first, ...rest] = await urls(found.results);
    expect(first).toBe('/standar/');
    expect(rest.sort()).toEqual(['/faq/biaya/', '/prosedur/']);
  });

  test('a synonym counts as the word: "zoom" finds the page that says "video"', async () => {
    expect(await urls((await run('zoom').search).results)).toEqual(['/faq/video/']);
  });

  test('a spelling the site also uses finds both: "lewat" as "melalui" and as itself', async () => {
    const found = await run('konsultasi lewat').search;
    expect(found.normalised).toBe('konsultasi melalui');
    const [first, second, ...rest] = await urls(found.results);
    expect([first, second].sort()).toEqual(['/faq/video/', '/prosedur/']);
    // Two pages are too few: the pages with "konsultasi" alone follow.
    expect(rest.sort()).toEqual(['/faq/biaya/', '/standar/']);
  });

  test('optional words are not required: "kantor bps dimana" finds the page without "bps"', async () => {
    const found = await run('kantor bps dimana ya').search;
    expect(found.normalised).toBe('kantor bps mana');
    expect((await urls(found.results))[0]).toBe('/faq/lokasi/');
    expect(found.partial).toBe(false);
  });

  test('a typo is corrected and said so; on request the words are searched as typed', async () => {
    const corrected = await run('biayaa gratiss').search;
    // Doubled letters are evened out without a word: that is how the word is typed.
    expect(corrected.corrected).toBeNull();
    const typo = await run('emial').search;
    expect(typo).toMatchObject({ normalised: 'email', corrected: 'email' });
    const asTyped = await run('emial', { correct: false }).search;
    expect(asTyped).toMatchObject({ normalised: 'emial', corrected: null, results: [] });
  });

  test('one kind: its pages only, with the counts of every kind for the filter', async () => {
    const found = await run('alamat kantor gratis', { kind: 'faq' }).search;
    expect(await urls(found.results)).toEqual(['/faq/lokasi/', '/faq/biaya/']);
    expect(found.counts).toEqual({ faq: 2, halaman: 1, standar: 1 });
  });

  test('a question of filler words only searches nothing', async () => {
    const { index, search } = run('apa ya');
    expect(await search).toEqual({
      normalised: '',
      corrected: null,
      partial: false,
      results: [],
      counts: {},
    });
    expect(index.terms).toEqual([]);
  });
});
