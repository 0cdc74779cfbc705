import { expect, test } from 'vitest';
import { OFFLINE_FAQ_PLACES, offlineFaqs } from '../../src/lib/offline-faqs.ts';

const faqs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, order: i + 1 }));
const ids = (list: { id: string }[]) => list.map((faq) => faq.id);

test('unmarked, the first answers by order are kept, up to the places', () => {
  const kept = offlineFaqs(faqs(30).reverse());
  expect(kept).toHaveLength(OFFLINE_FAQ_PLACES);
  expect(ids(kept)).toEqual(ids(faqs(OFFLINE_FAQ_PLACES)));
});

test('answers marked offline: true are kept first, and the first unmarked fill the rest', () => {
  const list = faqs(30).map((faq) => (faq.order >= 25 ? { ...faq, offline: true } : faq));
  const kept = ids(offlineFaqs(list));
  expect(kept).toHaveLength(OFFLINE_FAQ_PLACES);
  expect(kept).toEqual(expect.arrayContaining(['t25', 't26', 't27', 't28', 't29', 't30']));
  expect(kept).toEqual(expect.arrayContaining(['t1', 't2', 't3', 't4']));
  expect(kept).not.toContain('t5');
});

test('more marked answers than places are all kept: the precache budget is the limit', () => {
  const list = faqs(20).map((faq) => ({ ...faq, offline: true }));
  expect(offlineFaqs(list)).toHaveLength(20);
});

test('offline: false is never kept in advance', () => {
  const list = faqs(3).map((faq) => (faq.id === 't1' ? { ...faq, offline: false } : faq));
  expect(ids(offlineFaqs(list))).toEqual(['t2', 't3']);
});
