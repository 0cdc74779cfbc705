import { describe, expect, test } from 'vitest';
import { sla, workingDaysBetween } from '../../src/lib/sla.ts';

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
    expect(sla(due, today, holidays, false)).toMatchObject({ state, label });
  });

  test('a closed request is closed, whatever its date', () => {
    expect(sla('2026-10-01', '2026-11-02', holidays, true).state).toBe('selesai');
  });
});
