/**
 * The walk-in visits of a period: visitors per day and purpose, the wait (measured as the
 * standard words it, walk-in-wait.ts) with its median, 90th percentile and distribution, the
 * share within the standard's minutes per desk and per officer, and the no-shows.
 */
import { median, percentile, share } from './percentiles.ts';
import { countBy, type Count } from './request-report.ts';
import { periodMonths, type Period } from './report-period.ts';
import { measureWaits, type VisitWait } from './walk-in-wait.ts';

export interface VisitRow {
  id: number;
  day: string;
  service: string;
  state: 'menunggu' | 'dipanggil' | 'dilayani' | 'selesai' | 'tidak_hadir';
  arrivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  desk: string | null;
  staffId: number | null;
}

export interface WithinFigure {
  key: string;
  served: number;
  within: number;
  /** 0–1; null when none was served. */
  share: number | null;
}

export interface WaitBucket {
  label: string;
  count: number;
}

export interface WalkInReport {
  visitors: number;
  served: number;
  noShows: number;
  perDay: Count[];
  perService: Count[];
  perMonth: { month: string; count: number }[];
  waitMedian: number | null;
  waitP90: number | null;
  within: number;
  /** Served within the standard's minutes, 0–1; null when none was served. */
  withinShare: number | null;
  perDesk: WithinFigure[];
  /** Keyed by the officer's id, as a string. */
  perOfficer: WithinFigure[];
  distribution: WaitBucket[];
}

function withinBy(
  served: readonly { visit: VisitRow; wait: VisitWait }[],
  key: (visit: VisitRow) => string,
): WithinFigure[] {
  const groups = new Map<string, { served: number; within: number }>();
  for (const { visit, wait } of served) {
    const group = groups.get(key(visit)) ?? { served: 0, within: 0 };
    group.served += 1;
    if (wait.withinStandard) group.within += 1;
    groups.set(key(visit), group);
  }
  return [...groups]
    .map(([k, g]) => ({ key: k, ...g, share: share(g.within, g.served) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Wait buckets in minutes, the standard's limit one of the bounds so the chart shows it. */
export function waitBuckets(limit: number): { label: string; below: number }[] {
  const half = Math.round(limit / 2);
  return [
    { label: `0–${half} menit`, below: half },
    { label: `${half}–${limit} menit`, below: limit },
    { label: `${limit}–${limit * 2} menit`, below: limit * 2 },
    { label: `${limit * 2}–${limit * 3} menit`, below: limit * 3 },
    { label: `lebih dari ${limit * 3} menit`, below: Infinity },
  ];
}

export function walkInReport(
  visits: readonly VisitRow[],
  period: Period,
  limitMinutes: number,
): WalkInReport {
  const byDay = new Map<string, VisitRow[]>();
  for (const visit of visits) byDay.set(visit.day, [...(byDay.get(visit.day) ?? []), visit]);
  const served: { visit: VisitRow; wait: VisitWait }[] = [];
  for (const dayVisits of byDay.values()) {
    const waits = measureWaits(dayVisits, limitMinutes);
    waits.forEach((wait, i) => {
      if (wait.waitMinutes !== null) served.push({ visit: dayVisits[i], wait });
    });
  }
  const minutes = served.map(({ wait }) => wait.waitMinutes!);
  const within = served.filter(({ wait }) => wait.withinStandard).length;
  const buckets = waitBuckets(limitMinutes);
  return {
    visitors: visits.length,
    served: served.length,
    noShows: visits.filter((v) => v.state === 'tidak_hadir').length,
    perDay: countBy(visits, (v) => v.day).sort((a, b) => a.key.localeCompare(b.key)),
    perService: countBy(visits, (v) => v.service),
    perMonth: periodMonths(period).map((month) => ({
      month,
      count: visits.filter((v) => v.day.startsWith(month)).length,
    })),
    waitMedian: median(minutes),
    waitP90: percentile(minutes, 90),
    within,
    withinShare: share(within, served.length),
    perDesk: withinBy(served, (v) => v.desk ?? ''),
    perOfficer: withinBy(served, (v) => String(v.staffId ?? '')),
    distribution: buckets.map((bucket, i) => ({
      label: bucket.label,
      // Upper bound included: a wait of exactly the limit is within the standard.
      count: minutes.filter((m) => m <= bucket.below && (i === 0 || m > buckets[i - 1].below))
        .length,
    })),
  };
}
