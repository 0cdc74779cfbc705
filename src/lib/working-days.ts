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
  /** Working days the office has to answer: "3 (tiga) hari kerja" in the standard. */
  workingDays: number;
  /** Minutes after midnight WIB from which a request counts as received the next working day. */
  closingMinutes: number;
}

/**
 * The standard's rule. 16:00 WIB is the end of the working day for central government
 * offices on a five-day week (Monday–Thursday; Friday closes at 16:30, but one closing time
 * keeps the rule easy to explain and errs on the citizen's side by a single half hour).
 */
export const STANDARD_DUE_DATE_RULE: DueDateRule = { workingDays: 3, closingMinutes: 16 * 60 };

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
 * Rule: a request submitted on a working day before closing time is received that day; one
 * submitted after closing time, on a weekend or on a holiday is received on the next working
 * day — as if it had arrived when the office opened.
 */
export function receivedOn(
  instant: Date,
  holidays: ReadonlySet<IsoDate>,
  rule = STANDARD_DUE_DATE_RULE,
): IsoDate {
  const { date, minutes } = jakartaDateTime(instant);
  if (isWorkingDay(date, holidays) && minutes < rule.closingMinutes) return date;
  return addWorkingDays(date, 1, holidays);
}

/**
 * The last day the office has to answer: the `rule.workingDays`-th working day after the day
 * the request counts as received. This matches the FAQ "hari kerja": a complete request on a
 * Friday is answered at the latest on the Wednesday after.
 */
export function dueDate(
  instant: Date,
  holidays: ReadonlySet<IsoDate>,
  rule = STANDARD_DUE_DATE_RULE,
): IsoDate {
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
