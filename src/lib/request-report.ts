/**
 * The online requests of a period, as the monthly report counts them: received and closed,
 * by kind, follow-up and status; the working days to the first reply; whether the standard's
 * limit was kept; the overdue list; who closed.
 *
 * Whether the limit was kept is judged against the request's due date as the store keeps it:
 * set when the clock started (the address confirmed) and moved when the citizen completed a
 * request the officer had asked more of ("perlu dilengkapi": "setelah permintaan jelas dan
 * persyaratan pelayanan lengkap"). The answer that counts is then the first one after that.
 */
import { median, percentile, share } from './percentiles.ts';
import { instantInPeriod, periodMonths, type Period } from './report-period.ts';
import { workingDaysBetween } from './sla.ts';
import { jakartaDateTime, receivedOn, type DueDateRule, type IsoDate } from './working-days.ts';

export interface RequestRow {
  reference: string;
  kind: 'konsultasi' | 'pengaduan';
  status: 'baru' | 'diproses' | 'menunggu_pengguna' | 'selesai';
  channel: string | null;
  category: string | null;
  createdAt: string;
  emailConfirmed: boolean;
  dueDate: IsoDate;
  clockSuspended: boolean;
  clockRestartedAt: string | null;
  staffActs: readonly { at: string; staffId: number | null }[];
  closedAt: string | null;
  closedBy: 'warga' | 'petugas' | 'sistem' | null;
}

export interface Calendar {
  today: IsoDate;
  holidays: ReadonlySet<IsoDate>;
  rule: DueDateRule;
}

/**
 * Where a request stands against the limit: answered on time or late; still running; or not
 * counted because its clock is stopped (waiting on the citizen) or never started (address
 * not confirmed).
 */
export type Timing = 'tepat_waktu' | 'terlambat' | 'berjalan' | 'ditangguhkan' | 'belum_berjalan';

const jakartaDay = (instant: string): IsoDate => jakartaDateTime(new Date(instant)).date;

/** The officer's act that answers the request for the limit, and how it stands. */
export function timing(
  row: RequestRow,
  today: IsoDate,
): { timing: Timing; answeredAt: string | null } {
  if (!row.emailConfirmed) return { timing: 'belum_berjalan', answeredAt: null };
  const restarted = row.clockRestartedAt;
  const answer = restarted
    ? row.staffActs.find((act) => act.at > restarted)
    : row.clockSuspended
      ? undefined
      : row.staffActs[0];
  if (answer)
    return {
      timing: jakartaDay(answer.at) <= row.dueDate ? 'tepat_waktu' : 'terlambat',
      answeredAt: answer.at,
    };
  if (row.clockSuspended) return { timing: 'ditangguhkan', answeredAt: null };
  return { timing: row.dueDate < today ? 'terlambat' : 'berjalan', answeredAt: null };
}

/** Working days from the day a request counts as received to the day of `at` (never negative). */
export function workingDaysTo(createdAt: string, at: string, calendar: Calendar): number {
  const received = receivedOn(new Date(createdAt), calendar.holidays, calendar.rule);
  return Math.max(0, workingDaysBetween(received, jakartaDay(at), calendar.holidays));
}

export interface Count {
  key: string;
  count: number;
}

/** Counts per key, most frequent first, then by key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface Spread {
  /** How many values were measured. */
  measured: number;
  median: number | null;
  p90: number | null;
}

export function spread(values: readonly number[]): Spread {
  return { measured: values.length, median: median(values), p90: percentile(values, 90) };
}

export interface OverdueRequest {
  reference: string;
  dueDate: IsoDate;
  /** Working days past the due date, as of today. */
  workingDaysLate: number;
}

export interface RequestReport {
  received: number;
  /** Closed in the period (received in it or before). */
  closed: number;
  byKind: Count[];
  /** Consultations by the follow-up the citizen chose. */
  byChannel: Count[];
  /** Requests received in the period by their status today. */
  byStatus: Count[];
  /** Consultations: working days to the first reply. */
  firstReply: Spread;
  /** Consultations answered on time / late; those still running or stopped are not counted. */
  onTime: number;
  late: number;
  /** onTime / (onTime + late), 0–1; null when none was judged. */
  withinLimit: number | null;
  /** Consultations waiting on the citizen ("perlu dilengkapi") or for the address confirmation. */
  notCounted: number;
  /** Open consultations past their due date with the clock running, most late first. */
  overdue: OverdueRequest[];
  /** Requests closed in the period by who closed them. */
  closedByStaff: number;
  closedAutomatically: number;
  closedByCitizen: number;
  meetingsHeld: number;
  /** Received and closed per month of the period. */
  months: { month: string; received: number; closed: number }[];
}

export function requestReport(
  rows: readonly RequestRow[],
  period: Period,
  calendar: Calendar,
  meetingsHeld: number,
): RequestReport {
  const received = rows.filter((row) => instantInPeriod(row.createdAt, period));
  const closed = rows.filter((row) => row.closedAt && instantInPeriod(row.closedAt, period));
  const consultations = received.filter((row) => row.kind === 'konsultasi');
  const timings = consultations.map((row) => ({ row, ...timing(row, calendar.today) }));
  const onTime = timings.filter((t) => t.timing === 'tepat_waktu').length;
  const late = timings.filter((t) => t.timing === 'terlambat').length;
  const overdue = timings
    .filter((t) => t.timing === 'terlambat' && t.answeredAt === null && t.row.status !== 'selesai')
    .map((t) => ({
      reference: t.row.reference,
      dueDate: t.row.dueDate,
      workingDaysLate: Math.max(
        1,
        workingDaysBetween(t.row.dueDate, calendar.today, calendar.holidays),
      ),
    }))
    .sort(
      (a, b) => b.workingDaysLate - a.workingDaysLate || a.reference.localeCompare(b.reference),
    );
  const monthOf = (instant: string) => jakartaDay(instant).slice(0, 7);
  return {
    received: received.length,
    closed: closed.length,
    byKind: countBy(received, (row) => row.kind),
    byChannel: countBy(consultations, (row) => row.channel ?? 'tidak_diketahui'),
    byStatus: countBy(received, (row) => row.status),
    firstReply: spread(
      consultations
        .filter((row) => row.staffActs.length > 0)
        .map((row) => workingDaysTo(row.createdAt, row.staffActs[0].at, calendar)),
    ),
    onTime,
    late,
    withinLimit: share(onTime, onTime + late),
    notCounted: timings.filter((t) => t.timing === 'ditangguhkan' || t.timing === 'belum_berjalan')
      .length,
    overdue,
    closedByStaff: closed.filter((row) => row.closedBy === 'petugas').length,
    closedAutomatically: closed.filter((row) => row.closedBy === 'sistem').length,
    closedByCitizen: closed.filter((row) => row.closedBy === 'warga').length,
    meetingsHeld,
    months: periodMonths(period).map((month) => ({
      month,
      received: received.filter((row) => monthOf(row.createdAt) === month).length,
      closed: closed.filter((row) => monthOf(row.closedAt!) === month).length,
    })),
  };
}
