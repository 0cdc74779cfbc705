import { expect, test } from 'vitest';
import { excerptParts } from '../../src/lib/search-excerpt.ts';

test('marked words become marked parts between plain text', () => {
  expect(excerptParts('Tidak dipungut <mark>biaya,</mark> baik <mark>datang</mark>')).toEqual([
    { text: 'Tidak dipungut ', marked: false },
    { text: 'biaya,', marked: true },
    { text: ' baik ', marked: false },
    { text: 'datang', marked: true },
  ]);
});

test('markup written as text in a page stays text', () => {
  // What Pagefind 1.6 returns for a page whose text is `<script>alert(1)</script> & biaya`.
  expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; & <mark>biaya</mark>')).toEqual([
    { text: '<script>alert(1)</script> & ', marked: false },
    { text: 'biaya', marked: true },
  ]);
});

test('an excerpt without matches is one plain part, and an empty one has none', () => {
  expect(excerptParts('Konsultasi statistik')).toEqual([
    { text: 'Konsultasi statistik', marked: false },
  ]);
  expect(excerptParts('')).toEqual([]);
});
