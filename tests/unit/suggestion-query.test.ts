import { expect, test } from 'vitest';
import { significantWords } from '../../src/lib/suggestion-query.ts';

test('keeps the words that carry the topic of a question', () => {
  expect(significantWords('Saya ingin tahu berapa biaya konsultasi?')).toEqual([
    'berapa',
    'biaya',
    'konsultasi',
  ]);
});

test('ignores case, punctuation and repeats', () => {
  expect(significantWords('Biaya, BIAYA! biaya…')).toEqual(['biaya']);
});

test('keeps names of places and apps such as pst.bps.go.id', () => {
  expect(significantWords('apakah bisa lewat pst.bps.go.id?')).toEqual(['lewat', 'pst.bps.go.id']);
});

test('stops after the given number of words', () => {
  expect(significantWords('satu dua tiga empat lima enam tujuh', 3)).toEqual([
    'satu',
    'dua',
    'tiga',
  ]);
});

test('a question of only filler words gives nothing to search', () => {
  expect(significantWords('Mohon tanya, bagaimana ya?')).toEqual([]);
});
