/**
 * The walk-in channel's time limit, measured: "dilayani maksimal 10 (sepuluh) menit sejak
 * pengguna layanan pada antrian sebelumnya selesai". The clock of a visitor starts when they
 * arrive or when the desk that serves them finished its previous visitor, whichever is later:
 * a visitor who arrives while the desk is busy starts counting only once it is free.
 *
 *   wait = started − max(arrived, previous finish at that desk)
 *
 * Pure: the visits of one day in, the waits out. A visit never started (a no-show, or still
 * waiting) has no wait and frees no desk; a visit served at a desk frees it when it finishes.
 */

export interface VisitTimes {
  id: number;
  /** ISO instants; null while the step has not happened. */
  arrivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The desk that served (or called) the visitor; null while waiting. */
  desk: string | null;
}

export interface VisitWait {
  id: number;
  /** When the standard's clock started for this visitor; null when never served. */
  clockFrom: string | null;
  /** Whole and fractional minutes from clockFrom to the start of service; null when never served. */
  waitMinutes: number | null;
  /** Within the standard's minutes; null when never served. */
  withinStandard: boolean | null;
}

const MINUTE = 60_000;

/**
 * The wait of one visitor: from the later of their arrival and the desk's previous finish
 * (null for the desk's first visitor of the day) to the start of their service.
 */
export function waitMinutes(
  arrivedAt: string,
  startedAt: string,
  previousFinishAtDesk: string | null,
): number {
  const arrived = Date.parse(arrivedAt);
  const from =
    previousFinishAtDesk === null ? arrived : Math.max(arrived, Date.parse(previousFinishAtDesk));
  // A clock skew of the desk's laptop must not give a negative wait.
  return Math.max(0, (Date.parse(startedAt) - from) / MINUTE);
}

/**
 * The waits of a day's visits, in the order given. For each served visit, the desk's previous
 * finish is the latest finish at that desk before this visit started.
 */
export function measureWaits(visits: readonly VisitTimes[], limitMinutes: number): VisitWait[] {
  const finishesByDesk = new Map<string, number[]>();
  for (const visit of visits) {
    if (!visit.desk || !visit.finishedAt) continue;
    const list = finishesByDesk.get(visit.desk) ?? [];
    list.push(Date.parse(visit.finishedAt));
    finishesByDesk.set(visit.desk, list);
  }
  return visits.map((visit) => {
    if (!visit.startedAt || !visit.desk)
      return { id: visit.id, clockFrom: null, waitMinutes: null, withinStandard: null };
    const started = Date.parse(visit.startedAt);
    const earlier = (finishesByDesk.get(visit.desk) ?? []).filter((at) => at <= started);
    const previous = earlier.length > 0 ? new Date(Math.max(...earlier)).toISOString() : null;
    const wait = waitMinutes(visit.arrivedAt, visit.startedAt, previous);
    const clockFrom =
      previous !== null && Date.parse(previous) > Date.parse(visit.arrivedAt)
        ? previous
        : visit.arrivedAt;
    return {
      id: visit.id,
      clockFrom,
      waitMinutes: Math.round(wait * 10) / 10,
      withinStandard: wait <= limitMinutes,
    };
  });
}

/** The share (0–1) of served visits within the standard; null when none was served. */
export function shareWithinStandard(waits: readonly VisitWait[]): number | null {
  const served = waits.filter((wait) => wait.withinStandard !== null);
  if (served.length === 0) return null;
  return served.filter((wait) => wait.withinStandard).length / served.length;
}
