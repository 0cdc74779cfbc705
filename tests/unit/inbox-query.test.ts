import { describe, expect, test } from 'vitest';
import {
  DEFAULT_QUERY,
  inboxSearch,
  parseInboxQuery,
  toRequestFilter,
} from '../../src/server/routes/workspace/inbox-query.ts';

const parse = (search: string) => parseInboxQuery(new URLSearchParams(search));

describe('the inbox filter in the URL', () => {
  test('no query is the open requests, first page', () => {
    expect(parse('')).toEqual(DEFAULT_QUERY);
    expect(toRequestFilter(DEFAULT_QUERY, 7, '2026-11-02')).toMatchObject({
      status: ['baru', 'diproses', 'menunggu_pengguna'],
      spam: 'exclude',
      limit: 25,
      offset: 0,
    });
  });

  test('a view survives the round trip through its URL', () => {
    const search =
      '?status=selesai&jenis=pengaduan&milik_saya=1&terlambat=1&cari=inflasi+2025&halaman=3';
    expect(inboxSearch(parse(search))).toBe(search);
    expect(toRequestFilter(parse(search), 7, '2026-11-02')).toMatchObject({
      status: ['selesai'],
      kind: 'pengaduan',
      assignedTo: 7,
      overdueOn: '2026-11-02',
      search: 'inflasi 2025',
      offset: 50,
    });
  });

  test('values that are not choices fall back to the defaults', () => {
    expect(parse('status=hapus&jenis=x&tindak_lanjut=pos&halaman=-2&milik_saya=ya')).toEqual(
      DEFAULT_QUERY,
    );
    expect(parse('halaman=1.5').halaman).toBe(1);
  });

  test('all statuses, and spam only behind its own filter', () => {
    expect(toRequestFilter(parse('status=semua'), 1, '2026-11-02').status).toBeUndefined();
    expect(toRequestFilter(parse('spam=1'), 1, '2026-11-02').spam).toBe('only');
  });
});
