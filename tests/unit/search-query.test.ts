import { describe, expect, test } from 'vitest';
import { loadSearchWords } from '../../src/content-schemas/load.ts';
import {
  allowedDistance,
  nearestWord,
  readDictionary,
  splitWords,
  understandQuery,
  type VocabularyFile,
} from '../../src/lib/search-query.ts';

// A small site: the words its pages hold, with invented frequencies, and a few maps.
const file: VocabularyFile = {
  words: {
    alamat: 6,
    kantor: 9,
    biaya: 12,
    bayar: 3,
    tidak: 20,
    melalui: 4,
    lewat: 2,
    zoom: 2,
    video: 3,
    persyaratan: 5,
    pengaduan: 7,
    konsultasi: 30,
    mana: 2,
    akun: 4,
    perlu: 5,
    lama: 6,
    lamar: 1,
    lima: 8,
    email: 10,
  },
  spellings: { gak: 'tidak', dimana: 'di mana', lewat: 'melalui', butuh: 'perlu', wa: 'whatsapp' },
  stopwords: ['di', 'yang', 'apakah', 'tidak', 'saya', 'sih', 'ya'],
  optional: ['konsultasi'],
  synonyms: [
    ['pengaduan', 'komplain'],
    ['zoom', 'video'],
  ],
  endings: ['nya', 'lah', 'kah'],
};
const dictionary = readDictionary(file);
const words = (text: string) => understandQuery(text, dictionary).terms.map((term) => term.word);

describe('normalising what is typed', () => {
  test('case, punctuation and spaces do not matter; names with dots and hyphens stay whole', () => {
    expect(splitWords('  Biaya?!  KANTOR,pst.bps.go.id  e-KTP… ')).toEqual([
      'biaya',
      'kantor',
      'pst.bps.go.id',
      'e-ktp',
    ]);
  });

  test('stop-words are dropped and informal words replaced, repeats once', () => {
    expect(words('Apakah saya bayar gak sih, ya?')).toEqual(['bayar']);
    expect(words('kantor dimana ya')).toEqual(['kantor', 'mana']);
    expect(words('biaya biaya BIAYA')).toEqual(['biaya']);
  });

  test('-nya, -lah and -kah come off a word the site does not write with them', () => {
    expect(words('kantornya')).toEqual(['kantor']);
    expect(words('biayanyalah')).toEqual(['biaya']);
    // Too short a stem is never taken: "punya" is not "pu".
    expect(words('punya')).toEqual(['punya']);
  });

  test('letters held down are read once', () => {
    expect(words('biayaaa')).toEqual(['biaya']);
    expect(words('alamaatt')).toEqual(['alamat']);
  });

  test('a spelling the site also writes keeps finding the pages that use it', () => {
    const [term] = understandQuery('lewat', dictionary).terms;
    expect(term).toMatchObject({ typed: 'lewat', word: 'melalui', alternatives: ['lewat'] });
    // "butuh" is not on the site: only "perlu" is searched.
    expect(understandQuery('butuh', dictionary).terms[0].alternatives).toEqual([]);
  });

  test('synonyms come along as alternatives', () => {
    expect(understandQuery('komplain', dictionary).terms[0].alternatives).toEqual(['pengaduan']);
    expect(understandQuery('zoom', dictionary).terms[0].alternatives).toEqual(['video']);
  });

  test('optional words are marked, so a page need not hold them', () => {
    const terms = understandQuery('konsultasi melalui zoom', dictionary).terms;
    expect(terms.map((term) => [term.word, term.optional])).toEqual([
      ['konsultasi', true],
      ['melalui', false],
      ['zoom', false],
    ]);
  });

  test('at most six words are searched', () => {
    expect(words('alamat kantor biaya bayar zoom video email akun')).toHaveLength(6);
  });
});

describe('typos', () => {
  test('the allowed distance grows with the word: none below 4 letters, 1 up to 7, 2 above', () => {
    expect(['wa', 'ktp', 'biay', 'pengadu', 'persyarat'].map(allowedDistance)).toEqual([
      0, 0, 1, 1, 2,
    ]);
  });

  test('a word the vocabulary lacks gets the nearest known word, transpositions counting one', () => {
    const suggestion = (text: string) => understandQuery(text, dictionary).terms[0].suggestion;
    expect(suggestion('emial')).toBe('email');
    expect(suggestion('biyaa')).toBe('biaya');
    expect(suggestion('pengadan')).toBe('pengaduan');
    expect(suggestion('persayaratn')).toBe('persyaratan');
    // Known words, and short ones, are left alone.
    expect(suggestion('email')).toBeNull();
    expect(suggestion('xq')).toBeNull();
  });

  test('nothing within the distance: no suggestion, rather than an unrelated word', () => {
    expect(nearestWord('zzkv', dictionary)).toBeNull();
    expect(nearestWord('komputer', dictionary)).toBeNull();
  });

  test('ties go to the word the site uses most', () => {
    // "lamr" is one step from "lama" (6) and from "lamar" (1).
    expect(nearestWord('lamr', dictionary)).toBe('lama');
  });

  test('the start of a known word is not a typo: Pagefind completes it while typing', () => {
    expect(understandQuery('persya', dictionary).terms[0].suggestion).toBeNull();
  });

  test('corrections taken by the caller replace the typed word and are shown as typed', () => {
    const query = understandQuery('Emial kantornya', dictionary, new Map([['emial', 'email']]));
    expect(query.typed).toEqual(['email', 'kantornya']);
    expect(query.terms.map((term) => term.word)).toEqual(['email', 'kantor']);
  });

  test('informal spellings and filler words are never what a typo is corrected to', () => {
    // "butuhh" is not corrected to the spelling "butuh" but read with one "h".
    expect(understandQuery('butuhh', dictionary).terms[0]).toMatchObject({
      word: 'perlu',
      suggestion: null,
    });
    expect(nearestWord('yamg', dictionary)).toBeNull();
  });
});

test('the word maps in content hold the informal words citizens type most', () => {
  const maps = loadSearchWords('content');
  expect(maps.spellings).toMatchObject({
    gak: 'tidak',
    nggak: 'tidak',
    enggak: 'tidak',
    tdk: 'tidak',
    gimana: 'bagaimana',
    brp: 'berapa',
    dimana: 'di mana',
    aja: 'saja',
    udah: 'sudah',
    lewat: 'melalui',
    butuh: 'perlu',
    wa: 'whatsapp',
    whatsap: 'whatsapp',
    watsap: 'whatsapp',
    hp: 'telepon',
  });
  for (const stopword of ['yang', 'di', 'ke', 'dari', 'saya', 'mau', 'apa', 'apakah', 'sih'])
    expect(maps.stopwords).toContain(stopword);
});
