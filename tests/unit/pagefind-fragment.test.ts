import { expect, test } from 'vitest';
import { answerText, parseFragment } from '../../src/lib/pagefind-fragment.ts';

const fragment = {
  url: '/faq/biaya/',
  content: 'Berapa biaya konsultasi statistik? Tidak ada biaya. Jawaban singkat.',
  meta: { title: 'Berapa biaya konsultasi statistik?' },
};

test('a fragment is read from its signed JSON', () => {
  expect(parseFragment(`pagefind_dcd${JSON.stringify(fragment)}`)).toEqual(fragment);
});

test('a text without the signature names the likely cause', () => {
  expect(() => parseFragment(JSON.stringify(fragment))).toThrow(/format changed/);
});

test('the answer is the indexed text without the title Pagefind puts first', () => {
  expect(answerText(fragment)).toBe('Tidak ada biaya. Jawaban singkat.');
  expect(answerText({ ...fragment, meta: {} })).toBe(fragment.content);
});
