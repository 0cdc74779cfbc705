import { expect, test } from 'vitest';
import { readSearchState, searchHref } from '../../src/lib/search-state.ts';

test('the query and the kind are read from the address', () => {
  expect(readSearchState('?q=berapa+lama&jenis=faq')).toEqual({
    query: 'berapa lama',
    kind: 'faq',
    exact: false,
  });
});

test('a missing query is empty and a missing or unknown kind means all kinds', () => {
  expect(readSearchState('')).toEqual({ query: '', kind: null, exact: false });
  expect(readSearchState('?q=biaya&jenis=berita')).toEqual({
    query: 'biaya',
    kind: null,
    exact: false,
  });
  expect(readSearchState('?q=biaya&jenis=toString')).toEqual({
    query: 'biaya',
    kind: null,
    exact: false,
  });
});

test('"Cari … saja" is kept as koreksi=tidak; any other value corrects as usual', () => {
  expect(readSearchState('?q=persyaratn&koreksi=tidak').exact).toBe(true);
  expect(readSearchState('?q=persyaratn&koreksi=ya').exact).toBe(false);
  expect(searchHref('/cari/', { query: 'persyaratn', kind: null, exact: true })).toBe(
    '/cari/?q=persyaratn&koreksi=tidak',
  );
});

test('the address keeps what the page shows and leaves out empty parts', () => {
  expect(searchHref('/cari/', { query: 'berapa lama', kind: 'prosedur', exact: false })).toBe(
    '/cari/?q=berapa+lama&jenis=prosedur',
  );
  expect(searchHref('/cari/', { query: 'ktp', kind: null, exact: false })).toBe('/cari/?q=ktp');
  expect(searchHref('/cari/', { query: '  ', kind: null, exact: false })).toBe('/cari/');
});

test('an address written by the page reads back to the same state', () => {
  const state = { query: 'alamat & email "kantor"', kind: 'halaman', exact: true } as const;
  expect(readSearchState(searchHref('/cari/', state).replace('/cari/', ''))).toEqual(state);
});
