import { expect, test } from 'vitest';
import { numberWords, spokenCall } from '../../src/lib/queue-speech.ts';

test('a call is spoken digit by digit, the desk as a number', () => {
  expect(spokenCall('K-007', 'Meja 1')).toBe('Nomor antrean K nol nol tujuh, silakan ke meja satu');
  expect(spokenCall('P-120', 'Meja 12')).toBe(
    'Nomor antrean P satu dua nol, silakan ke meja dua belas',
  );
});

test('numbers in Indonesian words', () => {
  expect([10, 11, 15, 21, 100, 111, 342].map(numberWords)).toEqual([
    'sepuluh',
    'sebelas',
    'lima belas',
    'dua puluh satu',
    'seratus',
    'seratus sebelas',
    'tiga ratus empat puluh dua',
  ]);
});
