/**
 * The complaints of a period: by category, the working days to the first response and to
 * the close against the office's targets (office.yaml `complaintTargets`), and the open ones.
 */
import { share } from './percentiles.ts';
import { instantInPeriod, type Period } from './report-period.ts';
import {
  countBy,
  spread,
  workingDaysTo,
  type Calendar,
  type Count,
  type RequestRow,
  type Spread,
} from './request-report.ts';

export interface ComplaintTargets {
  firstResponseWorkingDays: number;
  closeWorkingDays: number;
}

export interface TargetFigure extends Spread {
  /** Measured within the target. */
  withinTarget: number;
  /** withinTarget / measured, 0–1; null when none was measured. */
  share: number | null;
}

export interface ComplaintReport {
  received: number;
  /** Closed in the period. */
  closed: number;
  byCategory: Count[];
  firstResponse: TargetFigure;
  closing: TargetFigure;
  /** Complaints received in the period and still open today, oldest first. */
  open: { reference: string; workingDaysOpen: number }[];
}

function againstTarget(days: readonly number[], target: number): TargetFigure {
  const withinTarget = days.filter((d) => d <= target).length;
  return { ...spread(days), withinTarget, share: share(withinTarget, days.length) };
}

export function complaintReport(
  rows: readonly RequestRow[],
  period: Period,
  calendar: Calendar,
  targets: ComplaintTargets,
): ComplaintReport {
  const complaints = rows.filter((row) => row.kind === 'pengaduan');
  const received = complaints.filter((row) => instantInPeriod(row.createdAt, period));
  const closed = complaints.filter((row) => row.closedAt && instantInPeriod(row.closedAt, period));
  const nowIso = `${calendar.today}T23:59:59.999+07:00`;
  return {
    received: received.length,
    closed: closed.length,
    byCategory: countBy(received, (row) => row.category ?? 'lainnya'),
    firstResponse: againstTarget(
      received
        .filter((row) => row.staffActs.length > 0)
        .map((row) => workingDaysTo(row.createdAt, row.staffActs[0].at, calendar)),
      targets.firstResponseWorkingDays,
    ),
    closing: againstTarget(
      received
        .filter((row) => row.closedAt)
        .map((row) => workingDaysTo(row.createdAt, row.closedAt!, calendar)),
      targets.closeWorkingDays,
    ),
    open: received
      .filter((row) => row.status !== 'selesai')
      .map((row) => ({
        reference: row.reference,
        workingDaysOpen: workingDaysTo(row.createdAt, new Date(nowIso).toISOString(), calendar),
      }))
      .sort((a, b) => b.workingDaysOpen - a.workingDaysOpen),
  };
}
