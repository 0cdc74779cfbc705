/**
 * The period of a report: two inclusive calendar dates in Asia/Jakarta, checked as the
 * officer typed them (?dari=&sampai=), and the shortcuts offices report by: this month, last
 * month, this semester, last semester, this year. Semesters are January–June and July–December,
 * as in the SKM reports of BPS offices.
 */
import { addDays, jakartaMidnight, type IsoDate } from './working-days.ts';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export const PERIOD_SHORTCUTS = [
  { id: 'bulan-ini', label: 'Bulan ini' },
  { id: 'bulan-lalu', label: 'Bulan lalu' },
  { id: 'semester-ini', label: 'Semester ini' },
  { id: 'semester-lalu', label: 'Semester lalu' },
  { id: 'tahun-ini', label: 'Tahun ini' },
] as const;

export type PeriodShortcut = (typeof PERIOD_SHORTCUTS)[number]['id'];

// Three years: the longest comparison an office makes (a renstra runs five, but reports go
// year by year); longer ranges would only make one request read the whole database.
export const MAX_PERIOD_DAYS = 3 * 366;

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number): IsoDate => {
  const shifted = new Date(Date.UTC(year, month - 1, 1));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-01`;
};
const monthPeriod = (year: number, month: number): Period => ({
  from: firstOfMonth(year, month),
  to: addDays(firstOfMonth(year, month + 1), -1),
});
const semesterPeriod = (year: number, half: 1 | 2): Period => ({
  from: firstOfMonth(year, half === 1 ? 1 : 7),
  to: half === 1 ? `${year}-06-30` : `${year}-12-31`,
});

function parts(today: IsoDate): { year: number; month: number } {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/** The period a shortcut stands for on `today` (a Jakarta date). */
export function shortcutPeriod(shortcut: PeriodShortcut, today: IsoDate): Period {
  const { year, month } = parts(today);
  const half = month <= 6 ? 1 : 2;
  switch (shortcut) {
    case 'bulan-ini':
      return monthPeriod(year, month);
    case 'bulan-lalu':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case 'semester-ini':
      return semesterPeriod(year, half);
    case 'semester-lalu':
      return half === 1 ? semesterPeriod(year - 1, 2) : semesterPeriod(year, 1);
    case 'tahun-ini':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** The last semester that has ended by `today`. */
export function lastCompleteSemester(today: IsoDate): Period {
  return shortcutPeriod('semester-lalu', today);
}

/** This year from 1 January up to and including `today`. */
export function yearToDate(today: IsoDate): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Calendar days in the period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}

/**
 * The period just before this one, to compare with: whole months (a month, a semester, a
 * year) give the same number of months before (October for November, not 2–31 October);
 * any other period the same number of days before.
 */
export function previousPeriod(period: Period): Period {
  const end = addDays(period.to, 1);
  if (period.from.endsWith('-01') && end.endsWith('-01')) {
    const from = parts(period.from);
    const after = parts(end);
    const months = (after.year - from.year) * 12 + (after.month - from.month);
    return { from: firstOfMonth(from.year, from.month - months), to: addDays(period.from, -1) };
  }
  return { from: addDays(period.from, -periodDays(period)), to: addDays(period.from, -1) };
}

/** The period as instants for the database: [from 00:00 WIB, the day after `to` 00:00 WIB). */
export function periodInstants(period: Period): { from: string; before: string } {
  return {
    from: jakartaMidnight(period.from).toISOString(),
    before: jakartaMidnight(addDays(period.to, 1)).toISOString(),
  };
}

/** Whether an instant (ISO) falls on one of the period's Jakarta days. */
export function instantInPeriod(instant: string, period: Period): boolean {
  const { from, before } = periodInstants(period);
  return instant >= from && instant < before;
}

/** The months ("YYYY-MM") the period touches, in order. */
export function periodMonths(period: Period): string[] {
  const months: string[] = [];
  let { year, month } = parts(period.from);
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

export type PeriodQuery =
  { ok: true; period: Period; shortcut: PeriodShortcut | null } | { ok: false; message: string };

/**
 * The period of ?dari=&sampai= (or ?periode=<shortcut>); none given: this month. The messages
 * say what was received and what is expected, in Indonesian: they are shown to the officer.
 */
export function readPeriod(
  query: { dari?: string; sampai?: string; periode?: string },
  today: IsoDate,
): PeriodQuery {
  const { dari, sampai, periode } = query;
  if (periode !== undefined && !dari && !sampai) {
    const shortcut = PERIOD_SHORTCUTS.find((s) => s.id === periode);
    if (!shortcut)
      return {
        ok: false,
        message: `Periode "${periode}" tidak dikenal. Pilih salah satu: ${PERIOD_SHORTCUTS.map((s) => s.id).join(', ')}.`,
      };
    return { ok: true, period: shortcutPeriod(shortcut.id, today), shortcut: shortcut.id };
  }
  if (!dari && !sampai)
    return { ok: true, period: shortcutPeriod('bulan-ini', today), shortcut: 'bulan-ini' };
  if (!dari || !sampai)
    return { ok: false, message: 'Isi tanggal "dari" dan "sampai" sekaligus (TTTT-BB-HH).' };
  for (const [name, value] of [
    ['dari', dari],
    ['sampai', sampai],
  ] as const) {
    if (!isCalendarDate(value))
      return {
        ok: false,
        message: `Tanggal "${name}" harus tanggal yang ada, ditulis TTTT-BB-HH (misalnya 2026-11-01); diterima "${value.slice(0, 20)}".`,
      };
  }
  if (sampai < dari)
    return { ok: false, message: 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".' };
  const period = { from: dari, to: sampai };
  if (periodDays(period) > MAX_PERIOD_DAYS)
    return {
      ok: false,
      message: `Periode paling panjang 3 tahun (${MAX_PERIOD_DAYS} hari); yang diminta ${periodDays(period)} hari.`,
    };
  const shortcut =
    PERIOD_SHORTCUTS.find((s) => {
      const p = shortcutPeriod(s.id, today);
      return p.from === dari && p.to === sampai;
    })?.id ?? null;
  return { ok: true, period, shortcut };
}
