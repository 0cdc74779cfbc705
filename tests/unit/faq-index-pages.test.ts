import { expect, test } from 'vitest';
import { FAQ_PER_PAGE, faqIndexHref, faqIndexPages } from '../../src/lib/faq-index-pages.ts';

test('up to 100 questions are one page at /faq/', () => {
  const pages = faqIndexPages(Array.from({ length: FAQ_PER_PAGE }, (_, i) => i));
  expect(pages).toHaveLength(1);
  expect(pages[0]).toMatchObject({ page: 1, pages: 1, first: 1 });
  expect(faqIndexHref(1)).toBe('/faq/');
});

test('past 100, pages of 100 numbered on from the one before', () => {
  const pages = faqIndexPages(Array.from({ length: 1015 }, (_, i) => i));
  expect(pages).toHaveLength(11);
  expect(pages[1]).toMatchObject({ page: 2, pages: 11, first: 101 });
  expect(pages[1].items[0]).toBe(100);
  expect(pages[10].items).toHaveLength(15);
  expect(faqIndexHref(11)).toBe('/faq/halaman/11/');
});

test('an FAQ without questions still has its first page', () => {
  expect(faqIndexPages([])).toEqual([{ page: 1, pages: 1, first: 1, items: [] }]);
});
