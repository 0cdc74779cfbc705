import { expect, test } from 'vitest';
import { internalLinks, orphanPages } from '../../src/lib/orphan-pages.ts';

const ORIGIN = 'https://pst.contoh.go.id';

test('internal links are read as paths; other sites, anchors and queries are handled', () => {
  const html = [
    '<a href="/konsultasi/">a</a>',
    '<a href="https://pst.contoh.go.id/faq/biaya/#jawab">b</a>',
    '<a href="/cari/?q=biaya&amp;jenis=faq">c</a>',
    '<a href="https://wa.me/62812">d</a>',
    '<a class="x" href="mailto:pst@contoh.go.id">e</a>',
  ].join('');
  expect(internalLinks(html, ORIGIN)).toEqual(['/konsultasi/', '/faq/biaya/', '/cari/']);
});

test('a page linked only from itself is an orphan; the start page never is', () => {
  const links = new Map([
    ['/', ['/standar-pelayanan/']],
    ['/standar-pelayanan/', ['/standar-pelayanan/', '/']],
    ['/penilaian/', ['/penilaian/']],
  ]);
  expect(orphanPages(links, ['/', '/standar-pelayanan/', '/penilaian/'])).toEqual(['/penilaian/']);
});
