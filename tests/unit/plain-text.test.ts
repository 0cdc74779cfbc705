import { expect, test } from 'vitest';
import { excerpt, markdownToPlainText } from '../../src/lib/plain-text.ts';

test('links, emphasis and line breaks become plain text', () => {
  expect(
    markdownToPlainText(
      'Lihat **persyaratan** di\n[standar](/standar-pelayanan/#persyaratan) dan _FAQ_.',
    ),
  ).toBe('Lihat persyaratan di standar dan FAQ.');
});

test('list markers and headings are dropped', () => {
  expect(markdownToPlainText('## Judul\n- satu\n2. dua')).toBe('Judul satu dua');
});

test('an excerpt stops at a word boundary with an ellipsis', () => {
  const text =
    'Pengguna layanan akan dilayani maksimal sepuluh menit sejak antrean sebelumnya selesai.';
  const short = excerpt(text, 40);
  expect(short.length).toBeLessThanOrEqual(40);
  expect(short.endsWith('…')).toBe(true);
  expect(text.startsWith(short.slice(0, -1))).toBe(true);
  expect(excerpt('pendek', 40)).toBe('pendek');
});

test('emphasis and links that wrap onto the next line leave no markup behind', () => {
  expect(
    markdownToPlainText(
      'Persyaratan menyebutkan pengguna **memiliki akun pada\naplikasi pelayanan**; lihat\n[langkah-langkah\nlengkap](/prosedur/online/).',
    ),
  ).toBe(
    'Persyaratan menyebutkan pengguna memiliki akun pada aplikasi pelayanan; lihat langkah-langkah lengkap.',
  );
});

test('underscores and stars inside words are text, not emphasis', () => {
  expect(markdownToPlainText('kolom data_pribadi dan 2*3*4')).toBe('kolom data_pribadi dan 2*3*4');
});
