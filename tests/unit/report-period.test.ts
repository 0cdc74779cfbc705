import { describe, expect, test } from 'vitest';
import {
  lastCompleteSemester,
  MAX_PERIOD_DAYS,
  periodInstants,
  periodMonths,
  previousPeriod,
  readPeriod,
  shortcutPeriod,
  yearToDate,
} from '../../src/lib/report-period.ts';

describe('shortcutPeriod', () => {
  test.each([
    ['bulan-ini', '2026-12-07', '2026-12-01', '2026-12-31'],
    ['bulan-lalu', '2026-12-07', '2026-11-01', '2026-11-30'],
    ['bulan-lalu', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['bulan-lalu', '2028-03-01', '2028-02-01', '2028-02-29'],
    ['semester-ini', '2026-12-07', '2026-07-01', '2026-12-31'],
    ['semester-lalu', '2026-12-07', '2026-01-01', '2026-06-30'],
    ['semester-lalu', '2026-03-01', '2025-07-01', '2025-12-31'],
    ['tahun-ini', '2026-12-07', '2026-01-01', '2026-12-31'],
  ] as const)('%s on %s is %s…%s', (shortcut, today, from, to) => {
    expect(shortcutPeriod(shortcut, today)).toEqual({ from, to });
  });

  test('the last complete semester and the year to date', () => {
    expect(lastCompleteSemester('2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(yearToDate('2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
  });
});

describe('previousPeriod', () => {
  test('a month compares with the month before, not the 30 days before', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  test('a semester and a year compare with the one before', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-06-30' })).toEqual({
      from: '2025-07-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  test('any other period: the same number of days before', () => {
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-16' })).toEqual({
      from: '2026-11-03',
      to: '2026-11-09',
    });
  });
});

describe('readPeriod', () => {
  const today = '2026-12-07';

  test('nothing given: this month', () => {
    expect(readPeriod({}, today)).toEqual({
      ok: true,
      period: { from: '2026-12-01', to: '2026-12-31' },
      shortcut: 'bulan-ini',
    });
  });

  test('dates that equal a shortcut are recognised as it', () => {
    expect(readPeriod({ dari: '2026-11-01', sampai: '2026-11-30' }, today)).toMatchObject({
      ok: true,
      shortcut: 'bulan-lalu',
    });
  });

  test('one day is a period', () => {
    expect(readPeriod({ dari: '2026-11-10', sampai: '2026-11-10' }, today)).toMatchObject({
      ok: true,
      shortcut: null,
    });
  });

  test.each([
    [{ dari: '2026-11-31', sampai: '2026-12-01' }, 'Tanggal "dari" harus tanggal yang ada'],
    [{ dari: '2026-11-01', sampai: '1 Desember' }, 'diterima "1 Desember"'],
    [{ dari: '2026-11-02', sampai: '2026-11-01' }, 'tidak boleh sebelum'],
    [{ sampai: '2026-11-01' }, 'sekaligus'],
    [{ periode: 'minggu-ini' }, 'tidak dikenal'],
  ])('refuses %o with a reason', (query, message) => {
    const read = readPeriod(query, today);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain(message);
  });

  test(`at most ${MAX_PERIOD_DAYS} days`, () => {
    expect(readPeriod({ dari: '2024-01-01', sampai: '2026-12-31' }, today).ok).toBe(true);
    expect(readPeriod({ dari: '2023-12-30', sampai: '2027-01-01' }, today).ok).toBe(false);
  });
});

test('periodInstants: Jakarta midnights', () => {
  expect(periodInstants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
    from: '2026-10-31T17:00:00.000Z',
    before: '2026-11-30T17:00:00.000Z',
  });
});

test('periodMonths: every month the period touches, across a year', () => {
  expect(periodMonths({ from: '2026-11-15', to: '2027-02-01' })).toEqual([
    '2026-11',
    '2026-12',
    '2027-01',
    '2027-02',
  ]);
});
