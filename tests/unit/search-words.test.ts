import { expect, test } from 'vitest';
import { searchWordsSchema } from '../../src/content-schemas/search-words.ts';

const problems = (maps: unknown) => {
  const result = searchWordsSchema.safeParse(maps);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

test('the content file validates', async () => {
  const { loadSearchWords } = await import('../../src/content-schemas/load.ts');
  expect(() => loadSearchWords('content')).not.toThrow();
});

test('a word with a capital letter or a space is refused with how to write it', () => {
  expect(problems({ stopwords: ['Yang'] })).toEqual([
    'stopwords.0: write one word in lower case (letters, digits, "." or "-"), e.g. "gimana"',
  ]);
  expect(problems({ spellings: { 'di mana': 'lokasi' } })[0]).toMatch(/^spellings\.di mana: /);
});

test('a word in two lists, or twice, is named with the fix', () => {
  expect(
    problems({
      spellings: { gak: 'tidak', komplen: 'komplain' },
      stopwords: ['gak', 'yang', 'yang'],
      optional: ['yang'],
      synonyms: [
        ['pengaduan', 'komplain', 'komplen'],
        ['aduan', 'pengaduan'],
      ],
    }),
  ).toEqual([
    'stopwords.2: "yang" is listed twice',
    'optional.0: "yang" is also a stop-word; keep it in one list',
    'spellings.gak: "gak" is also a stop-word; keep it in one list',
    'synonyms.0.2: "komplen" is also in spellings (it is replaced before synonyms are read); list its replacement here instead',
    'synonyms.1.1: "pengaduan" is already in synonym group 1; merge the groups',
  ]);
});

test('a missing file means no maps and the default endings', () => {
  expect(searchWordsSchema.parse({})).toEqual({
    spellings: {},
    stopwords: [],
    optional: [],
    synonyms: [],
    endings: ['nya', 'lah', 'kah'],
  });
});
