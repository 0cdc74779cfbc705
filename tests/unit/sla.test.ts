import { describe, expect, test } from 'vitest';
import { clockOf, sla, workingDaysBetween } from '../../src/lib/sla.ts';

// Monday 2 – Friday 6 November 2026, with an invented holiday on Wednesday 4.
const holidays = new Set(['2026-11-04']);

describe('workingDaysBetween', () => {
  test('counts the working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-11-02', '2026-11-06', holidays)).toBe(3);
    expect(workingDaysBetween('2026-11-06', '2026-11-09', holidays)).toBe(1);
    expect(workingDaysBetween('2026-11-09', '2026-11-05', holidays)).toBe(-2);
  });
});

describe('sla', () => {
  test.each([
    ['2026-11-03', '2026-11-02', 'segera', '1 hari kerja lagi'],
    ['2026-11-02', '2026-11-02', 'hari_ini', 'Jatuh tempo hari ini'],
    ['2026-11-02', '2026-11-05', 'terlambat', 'Terlambat 2 hari kerja'],
    ['2026-11-16', '2026-11-02', 'aman', '9 hari kerja lagi'],
  ])('due %s, today %s: %s', (due, today, state, label) => {
    expect(sla(due, today, holidays)).toMatchObject({ state, label });
  });

  test('a closed request is closed, whatever its date', () => {
    expect(sla('2026-10-01', '2026-11-02', holidays, 'selesai').state).toBe('selesai');
  });

  test('a stopped clock says why instead of counting: unconfirmed address, waiting for more', () => {
    expect(sla('2026-10-01', '2026-11-02', holidays, 'belum_berjalan').label).toBe(
      'Email belum dikonfirmasi',
    );
    expect(sla('2026-10-01', '2026-11-02', holidays, 'ditangguhkan').label).toBe(
      'Menunggu kelengkapan dari pengguna',
    );
  });

  test('clockOf reads the request', () => {
    const open = { status: 'diproses', emailConfirmed: true, clockSuspended: false };
    expect(clockOf(open)).toBe('berjalan');
    expect(clockOf({ ...open, clockSuspended: true })).toBe('ditangguhkan');
    expect(clockOf({ ...open, emailConfirmed: false })).toBe('belum_berjalan');
    expect(clockOf({ ...open, status: 'selesai', clockSuspended: true })).toBe('selesai');
  });
});
