import { describe, expect, test } from 'vitest';
import { complaintReport } from '../../src/lib/complaint-report.ts';
import {
  requestReport,
  timing,
  workingDaysTo,
  type Calendar,
  type RequestRow,
} from '../../src/lib/request-report.ts';
import { loadHolidays } from '../../src/content-schemas/load.ts';

const holidays = loadHolidays('content');
const calendar: Calendar = {
  today: '2026-12-07',
  holidays,
  rule: { workingDays: 3, closingMinutes: null },
};
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const wib = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`).toISOString();

function row(overrides: Partial<RequestRow>): RequestRow {
  return {
    reference: 'KS-2611-XXXXXX',
    kind: 'konsultasi',
    status: 'diproses',
    channel: 'percakapan_online',
    category: null,
    createdAt: wib('2026-11-02'),
    emailConfirmed: true,
    dueDate: '2026-11-05',
    clockSuspended: false,
    clockRestartedAt: null,
    staffActs: [],
    closedAt: null,
    closedBy: null,
    ...overrides,
  };
}
const act = (date: string, time = '10:00') => ({ at: wib(date, time), staffId: 1 });

describe('timing: the limit counted from when the request was complete', () => {
  test('answered on the due date is on time; the day after is late', () => {
    expect(timing(row({ staffActs: [act('2026-11-05', '16:59')] }), '2026-12-07').timing).toBe(
      'tepat_waktu',
    );
    expect(timing(row({ staffActs: [act('2026-11-06', '07:00')] }), '2026-12-07').timing).toBe(
      'terlambat',
    );
  });

  test('an answer at 23:30 WIB counts on its Jakarta day, not the UTC one', () => {
    // 2026-11-05 23:30 WIB is 16:30 UTC the same day; 2026-11-06 00:30 WIB is still 5 Nov in UTC.
    expect(timing(row({ staffActs: [act('2026-11-06', '00:30')] }), '2026-12-07').timing).toBe(
      'terlambat',
    );
  });

  test('"perlu dilengkapi": the answer after the citizen completed it counts, against the new due date', () => {
    const suspended = row({
      createdAt: wib('2026-11-09'),
      dueDate: '2026-11-19',
      clockRestartedAt: wib('2026-11-16', '08:00'),
      staffActs: [act('2026-11-10'), act('2026-11-19', '15:00')],
    });
    expect(timing(suspended, '2026-12-07')).toEqual({
      timing: 'tepat_waktu',
      answeredAt: wib('2026-11-19', '15:00'),
    });
  });

  test('still waiting on the citizen, or the address unconfirmed: not counted', () => {
    expect(
      timing(row({ clockSuspended: true, staffActs: [act('2026-11-03')] }), '2026-12-07').timing,
    ).toBe('ditangguhkan');
    expect(timing(row({ emailConfirmed: false }), '2026-12-07').timing).toBe('belum_berjalan');
  });

  test('unanswered: running until the due date, late after it', () => {
    expect(timing(row({}), '2026-11-05').timing).toBe('berjalan');
    expect(timing(row({}), '2026-11-06').timing).toBe('terlambat');
  });
});

describe('workingDaysTo', () => {
  test('a request sent on Saturday counts from Monday', () => {
    // Saturday 7 Nov → received Monday 9 Nov; answered Tuesday 10 Nov: 1 working day.
    expect(workingDaysTo(wib('2026-11-07'), wib('2026-11-10'), calendar)).toBe(1);
    // Answered on the Monday it counts from: 0.
    expect(workingDaysTo(wib('2026-11-07'), wib('2026-11-09'), calendar)).toBe(0);
  });

  test('Christmas and its cuti bersama are not working days', () => {
    // Wednesday 23 Dec → Monday 28 Dec skips 24 (cuti bersama), 25 (Natal) and the weekend.
    expect(workingDaysTo(wib('2026-12-23'), wib('2026-12-28'), calendar)).toBe(1);
  });

  test('an answer before the request counts as received (a weekend reply) is 0, never negative', () => {
    expect(workingDaysTo(wib('2026-11-07'), wib('2026-11-08'), calendar)).toBe(0);
  });
});

describe('requestReport', () => {
  const rows: RequestRow[] = [
    row({
      reference: 'A',
      status: 'selesai',
      staffActs: [act('2026-11-04')],
      closedAt: wib('2026-11-04'),
      closedBy: 'petugas',
    }),
    row({
      reference: 'B',
      createdAt: wib('2026-11-06'),
      dueDate: '2026-11-11',
      status: 'selesai',
      staffActs: [act('2026-11-12')],
      closedAt: wib('2026-11-20'),
      closedBy: 'sistem',
    }),
    row({ reference: 'D', createdAt: wib('2026-11-23'), dueDate: '2026-11-26', status: 'baru' }),
    row({ reference: 'F', emailConfirmed: false, status: 'baru' }),
    // Received in October, closed in November: counted as closed, not as received.
    row({
      reference: 'O',
      createdAt: wib('2026-10-28'),
      dueDate: '2026-11-02',
      status: 'selesai',
      staffActs: [act('2026-10-29')],
      closedAt: wib('2026-11-03'),
      closedBy: 'petugas',
    }),
  ];
  const report = requestReport(rows, NOVEMBER, calendar, 1);

  test('received in the period vs closed in it', () => {
    expect(report.received).toBe(4);
    expect(report.closed).toBe(3);
    expect(report.closedByStaff).toBe(2);
    expect(report.closedAutomatically).toBe(1);
    expect(report.months).toEqual([{ month: '2026-11', received: 4, closed: 3 }]);
  });

  test('on time, late, not counted, and the overdue list', () => {
    expect([report.onTime, report.late, report.notCounted]).toEqual([1, 2, 1]);
    expect(report.withinLimit).toBeCloseTo(1 / 3);
    // Due Thu 26 Nov; on Mon 7 Dec: 27, 30 Nov, 1, 2, 3, 4, 7 Dec.
    expect(report.overdue).toEqual([{ reference: 'D', dueDate: '2026-11-26', workingDaysLate: 7 }]);
  });

  test('first reply in working days: median and 90th percentile', () => {
    expect(report.firstReply).toEqual({ measured: 2, median: 2, p90: 4 });
  });

  test('an empty period: zeros and nulls, one month with nothing', () => {
    const empty = requestReport([], { from: '2025-01-01', to: '2025-01-31' }, calendar, 0);
    expect(empty).toMatchObject({
      received: 0,
      closed: 0,
      withinLimit: null,
      firstReply: { measured: 0, median: null, p90: null },
      overdue: [],
      months: [{ month: '2025-01', received: 0, closed: 0 }],
    });
  });
});

describe('complaintReport', () => {
  const targets = { firstResponseWorkingDays: 3, closeWorkingDays: 14 };
  const complaints: RequestRow[] = [
    row({
      reference: 'PG-A',
      kind: 'pengaduan',
      category: 'perilaku_petugas',
      createdAt: wib('2026-11-03'),
      status: 'selesai',
      staffActs: [act('2026-11-05'), act('2026-11-13')],
      closedAt: wib('2026-11-13'),
      closedBy: 'petugas',
    }),
    row({
      reference: 'PG-B',
      kind: 'pengaduan',
      category: 'waktu_layanan',
      createdAt: wib('2026-11-16'),
      staffActs: [act('2026-11-23')],
    }),
    row({ reference: 'KS', kind: 'konsultasi' }),
  ];

  test('first response and close against the targets; the open ones', () => {
    const report = complaintReport(complaints, NOVEMBER, calendar, targets);
    expect(report.received).toBe(2);
    expect(report.closed).toBe(1);
    expect(report.firstResponse).toEqual({
      measured: 2,
      median: 2,
      p90: 5,
      withinTarget: 1,
      share: 0.5,
    });
    expect(report.closing).toMatchObject({ measured: 1, median: 8, withinTarget: 1, share: 1 });
    // Received Mon 16 Nov, open on Mon 7 Dec: 15 working days.
    expect(report.open).toEqual([{ reference: 'PG-B', workingDaysOpen: 15 }]);
    expect(report.byCategory.map((c) => c.key).sort()).toEqual([
      'perilaku_petugas',
      'waktu_layanan',
    ]);
  });
});
