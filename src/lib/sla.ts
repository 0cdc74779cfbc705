/**
 * How close a request is to its due date, as officers see it in the inbox: overdue, due
 * today, or how many working days are left. Said in words, so the badge reads without colour.
 */
import { addDays, isWorkingDay, type IsoDate } from './working-days.ts';

export type SlaState =
  'selesai' | 'belum_berjalan' | 'ditangguhkan' | 'terlambat' | 'hari_ini' | 'segera' | 'aman';

/** Where a request's clock stands: running, or stopped for one of the standard's reasons. */
export type Clock = 'berjalan' | 'selesai' | 'ditangguhkan' | 'belum_berjalan';

export interface Sla {
  state: SlaState;
  /** Working days from today to the due date (negative: overdue by that many). */
  workingDaysLeft: number;
  label: string;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  holidays: ReadonlySet<IsoDate>,
): number {
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
    if (isWorkingDay(day, holidays)) count += 1;
  }
  return sign * count;
}

// Up to this many working days left the badge says "soon"; the standard's own limit is a
// few working days, so a request inside it is already on its way to due.
const SOON = 3;

export function sla(
  dueDate: IsoDate,
  today: IsoDate,
  holidays: ReadonlySet<IsoDate>,
  clock: Clock = 'berjalan',
): Sla {
  const left = workingDaysBetween(today, dueDate, holidays);
  if (clock === 'selesai') return { state: 'selesai', workingDaysLeft: left, label: 'Selesai' };
  // "Setelah permintaan jelas dan persyaratan pelayanan lengkap": until then the days do not run.
  if (clock === 'belum_berjalan')
    return { state: 'belum_berjalan', workingDaysLeft: left, label: 'Email belum dikonfirmasi' };
  if (clock === 'ditangguhkan')
    return {
      state: 'ditangguhkan',
      workingDaysLeft: left,
      label: 'Menunggu kelengkapan dari pengguna',
    };
  if (dueDate < today)
    return {
      state: 'terlambat',
      workingDaysLeft: left,
      label: `Terlambat ${Math.max(1, -left)} hari kerja`,
    };
  if (dueDate === today)
    return { state: 'hari_ini', workingDaysLeft: 0, label: 'Jatuh tempo hari ini' };
  if (left <= SOON)
    return { state: 'segera', workingDaysLeft: left, label: `${left} hari kerja lagi` };
  return { state: 'aman', workingDaysLeft: left, label: `${left} hari kerja lagi` };
}

/** The clock of a stored request. */
export function clockOf(request: {
  status: string;
  emailConfirmed: boolean;
  clockSuspended: boolean;
}): Clock {
  if (request.status === 'selesai') return 'selesai';
  if (!request.emailConfirmed) return 'belum_berjalan';
  return request.clockSuspended ? 'ditangguhkan' : 'berjalan';
}
