import { describe, expect, test } from 'vitest';
import { walkInReport, type VisitRow } from '../../src/lib/walk-in-report.ts';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const at = (day: string, time: string | null) =>
  time === null ? null : new Date(`${day}T${time}:00+07:00`).toISOString();

function visit(
  id: number,
  day: string,
  arrived: string,
  started: string | null,
  finished: string | null,
  desk: string | null,
  staffId: number | null,
): VisitRow {
  return {
    id,
    day,
    service: id === 6 ? 'perpustakaan' : 'konsultasi',
    state: started ? 'selesai' : 'tidak_hadir',
    arrivedAt: at(day, arrived)!,
    startedAt: at(day, started),
    finishedAt: at(day, finished),
    desk,
    staffId,
  };
}

// The seed's visits (tests/fixtures/report/seed.ts): two desks; the clock of v2 starts when
// meja-1 is free (09:20), not when the visitor arrived (09:05).
const VISITS = [
  visit(1, '2026-11-10', '09:00', '09:02', '09:20', 'meja-1', 1),
  visit(2, '2026-11-10', '09:05', '09:32', '09:40', 'meja-1', 1),
  visit(3, '2026-11-10', '09:06', '09:10', '09:30', 'meja-2', 2),
  visit(4, '2026-11-10', '09:30', null, null, null, null),
  visit(5, '2026-11-10', '09:31', '09:45', '09:55', 'meja-2', 2),
  visit(6, '2026-11-11', '10:00', '10:10', '10:30', 'meja-1', 1),
];

describe('walkInReport', () => {
  const report = walkInReport(VISITS, NOVEMBER, 10);

  test('visitors, served, no-shows, per day and purpose', () => {
    expect([report.visitors, report.served, report.noShows]).toEqual([6, 5, 1]);
    expect(report.perDay).toEqual([
      { key: '2026-11-10', count: 5 },
      { key: '2026-11-11', count: 1 },
    ]);
    expect(report.perService).toEqual([
      { key: 'konsultasi', count: 5 },
      { key: 'perpustakaan', count: 1 },
    ]);
  });

  test('waits [2, 12, 4, 14, 10]: median 10, p90 14; exactly 10 minutes is within', () => {
    expect([report.waitMedian, report.waitP90]).toEqual([10, 14]);
    expect(report.within).toBe(3);
    expect(report.withinShare).toBe(0.6);
  });

  test('per desk and per officer', () => {
    expect(report.perDesk).toEqual([
      { key: 'meja-1', served: 3, within: 2, share: 2 / 3 },
      { key: 'meja-2', served: 2, within: 1, share: 0.5 },
    ]);
    expect(report.perOfficer.map((o) => [o.key, o.served, o.within])).toEqual([
      ['1', 3, 2],
      ['2', 2, 1],
    ]);
  });

  test('the distribution puts the limit itself in the lower bucket', () => {
    expect(report.distribution).toEqual([
      { label: '0–5 menit', count: 2 },
      { label: '5–10 menit', count: 1 },
      { label: '10–20 menit', count: 2 },
      { label: '20–30 menit', count: 0 },
      { label: 'lebih dari 30 menit', count: 0 },
    ]);
  });

  test('an empty period: nothing measured, nulls not zeros', () => {
    const empty = walkInReport([], NOVEMBER, 10);
    expect(empty).toMatchObject({
      visitors: 0,
      served: 0,
      waitMedian: null,
      withinShare: null,
      perDesk: [],
      perMonth: [{ month: '2026-11', count: 0 }],
    });
  });
});
