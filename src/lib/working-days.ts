/**
 * Working days and due dates in the office's time zone, Asia/Jakarta (WIB).
 *
 * WIB is UTC+7 and has had no daylight saving time since 1964, so a fixed offset is exact;
 * it also keeps this module independent of the time-zone data of the runtime (Node or a
 * browser island).
 */

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Asia/Jakarta, "YYYY-MM-DD". */
export type IsoDate = string;

export interface DueDateRule {
  /** Working days the office has to serve a request: `limits.onlineWorkingDays` of the standard. */
  workingDays: number;
  /**
   * Minutes after midnight WIB from which a request sent on a working day counts from the
   * next working day (`requestCutoff` in office.yaml); null when the office sets none.
   */
  closingMinutes: number | null;
}

/** "16:00" → 960 minutes after midnight; undefined → null (no cut-off). */
export function cutoffMinutes(cutoff: string | undefined): number | null {
  if (cutoff === undefined) return null;
  const [hours, minutes] = cutoff.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The calendar date and minutes after midnight of an instant, in Asia/Jakarta. */
export function jakartaDateTime(instant: Date): { date: IsoDate; minutes: number } {
  const shifted = new Date(instant.getTime() + WIB_OFFSET_MS);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant a calendar date begins in Asia/Jakarta (00:00 WIB). */
export function jakartaMidnight(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday to Friday, and not a national holiday or cuti bersama. */
export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The `count`-th working day after `date` (`date` itself is never counted). */
export function addWorkingDays(
  date: IsoDate,
  count: number,
  holidays: ReadonlySet<IsoDate>,
): IsoDate {
  let day = date;
  for (let counted = 0; counted < count;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return day;
}

/**
 * The working day on which a request submitted at `instant` counts as received.
 *
 * Rule: a request submitted on a working day (before the office's cut-off, if it has one) is
 * received that day; one submitted on a weekend, a holiday or after the cut-off is received
 * on the next working day — as if it had arrived when the office opened.
 */
export function receivedOn(
  instant: Date,
  holidays: ReadonlySet<IsoDate>,
  rule: DueDateRule,
): IsoDate {
  const { date, minutes } = jakartaDateTime(instant);
  const beforeCutoff = rule.closingMinutes === null || minutes < rule.closingMinutes;
  if (isWorkingDay(date, holidays) && beforeCutoff) return date;
  return addWorkingDays(date, 1, holidays);
}

/**
 * The last day the office has to answer: the `rule.workingDays`-th working day after the day
 * the request counts as received. This matches the FAQ "hari kerja": a complete request on a
 * Friday is answered at the latest on the Wednesday after.
 */
export function dueDate(instant: Date, holidays: ReadonlySet<IsoDate>, rule: DueDateRule): IsoDate {
  return addWorkingDays(receivedOn(instant, holidays, rule), rule.workingDays, holidays);
}

// dateStyle "full" pads the day in id-ID ("Kamis, 05 November 2026"); spelled out, it does not.
const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
// Built on first use and kept: constructing an Intl.DateTimeFormat costs about 0.2 ms, more
// than the rest of a submission, and an island that never formats a date never pays it.
let formats:
  { id: Intl.DateTimeFormat; en: Intl.DateTimeFormat; idDateTime: Intl.DateTimeFormat } | undefined;

function dateFormats() {
  formats ??= {
    id: new Intl.DateTimeFormat('id-ID', { ...LONG_DATE, timeZone: 'UTC' }),
    en: new Intl.DateTimeFormat('en-GB', { ...LONG_DATE, timeZone: 'UTC' }),
    idDateTime: new Intl.DateTimeFormat('id-ID', {
      ...LONG_DATE,
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }),
  };
  return formats;
}

/** "Kamis, 5 November 2026" (or "Thursday, 5 November 2026") for people. */
export function formatDate(date: IsoDate, language: 'id' | 'en' = 'id'): string {
  return dateFormats()[language].format(new Date(`${date}T00:00:00Z`));
}

/** "Senin, 2 November 2026 pukul 10.15 WIB": an instant as people in the office read it. */
export function formatJakartaDateTime(instant: Date): string {
  return `${dateFormats().idDateTime.format(new Date(instant.getTime() + WIB_OFFSET_MS))} WIB`;
}
