import { expect, test } from 'vitest';
import { wordingFindings } from '../../src/lib/wording.ts';

test('every synonym of "nomor permintaan" is found, once per place', () => {
  const findings = wordingFindings(
    'Nomor rujukan, nomor transaksi dan nomor sementara; rujukan terkait.',
  );
  expect(findings.map((f) => f.found)).toEqual([
    'Nomor rujukan',
    'nomor transaksi',
    'nomor sementara',
    'rujukan',
  ]);
  expect(new Set(findings.map((f) => f.instead))).toContain('nomor permintaan');
});

test('the official glosses, leaked Markdown and technical terms are found', () => {
  const text =
    'mencari/searching, transaksi konsultasi, **tebal**, sessionStorage, application/json';
  expect(wordingFindings(text).map((f) => f.found)).toEqual([
    'mencari/searching',
    'transaksi konsultasi',
    '**',
    '**',
    'sessionStorage',
    'application/json',
  ]);
});

test('plain Indonesian passes', () => {
  expect(
    wordingFindings('Simpan nomor permintaan Anda. Petugas merespons dalam antrean yang adil.'),
  ).toEqual([]);
});
