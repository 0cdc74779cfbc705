import { expect, test } from 'vitest';
import { searchWordsSchema } from '../../src/content-schemas/search-words.ts';
import { buildVocabulary } from '../../src/lib/search-vocabulary.ts';

const maps = searchWordsSchema.parse({
  spellings: { gak: 'tidak' },
  stopwords: ['yang'],
  synonyms: [['zoom', 'video']],
});

test('holds every word of the index with how often it occurs, the keywords once more', () => {
  const vocabulary = buildVocabulary(
    ['Berapa biaya konsultasi? Tidak ada biaya.', 'Biaya: gratis.'],
    ['biaya', 'tarif'],
    maps,
  );
  expect(vocabulary.words).toEqual({
    ada: 1,
    berapa: 1,
    biaya: 4,
    gratis: 1,
    konsultasi: 1,
    tarif: 1,
    tidak: 1,
  });
});

test('leaves out numbers, email addresses and single letters', () => {
  const vocabulary = buildVocabulary(
    ['Hubungi 0812-9990 atau pst@contoh.go.id, 7 hari, a.'],
    [],
    maps,
  );
  expect(Object.keys(vocabulary.words)).toEqual(['atau', 'hari', 'hubungi']);
});

test('carries the word maps, and lists words in order so the file changes only with them', () => {
  const vocabulary = buildVocabulary(['zoom video'], [], maps);
  expect(Object.keys(vocabulary.words)).toEqual(['video', 'zoom']);
  expect(vocabulary).toMatchObject({
    spellings: { gak: 'tidak' },
    stopwords: ['yang'],
    optional: [],
    synonyms: [['zoom', 'video']],
    endings: ['nya', 'lah', 'kah'],
  });
});
