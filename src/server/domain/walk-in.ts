/**
 * The walk-in desk's rules: check-in (a ticket for the day and the service), the public
 * queue state (numbers only), people ahead of a ticket, and the day's visits measured
 * against the standard's minutes (src/lib/walk-in-wait.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Loket } from '../../content-schemas/loket.ts';
import { makeVisitReference } from '../../lib/reference.ts';
import { measureWaits, shareWithinStandard } from '../../lib/walk-in-wait.ts';
import { jakartaDateTime } from '../../lib/working-days.ts';
import type { GuestBookEntry } from '../../schemas/guest-book.ts';
import type { Services } from '../services.ts';
import type { Visit } from '../storage/store.ts';

const ATTEMPTS = 5;
/** How many next numbers the display and the API show. */
export const NEXT_SHOWN = 5;

/** The Jakarta day of an instant: numbers restart at midnight WIB. */
export const queueDay = (now: Date) => jakartaDateTime(now).date;

/** Whether the office is closed today for a holiday (content/holidays.yaml). */
export const closedToday = (services: Pick<Services, 'holidays'>, now: Date) =>
  services.holidays.has(queueDay(now));

export async function checkIn(services: Services, loket: Loket, entry: GuestBookEntry, now: Date) {
  const service = loket.services.find((candidate) => candidate.id === entry.purpose);
  if (!service) throw new Error('checkIn: the schema admits only known services');
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const visit = await services.store.insertVisit({
      reference: makeVisitReference(now),
      // 128 bits: the ticket's address is its only key.
      ticketId: randomBytes(16).toString('base64url'),
      day: queueDay(now),
      service: service.id,
      prefix: service.prefix,
      at: now.toISOString(),
      name: entry.name,
      phone: entry.phone,
      email: entry.email,
      institution: entry.institution,
      topic: entry.topic,
    });
    if (visit) {
      services.queueEvents.emit({ kind: 'ambil', day: visit.day });
      return visit;
    }
  }
  throw new Error(`no free visit reference after ${ATTEMPTS} draws`);
}

export interface DeskState {
  id: string;
  name: string;
  /** The number called to or served at the desk; null when the desk is free. */
  serving: string | null;
  state: 'dipanggil' | 'dilayani' | null;
  /** Times the number was called: the display speaks again when it rises. */
  calls: number;
  /** Visitors this desk may call next, and their numbers. */
  waiting: number;
  next: string[];
}

/** GET /api/antrean: what the display and the tickets show; no personal data. */
export interface QueueState {
  date: string;
  closed: boolean;
  desks: DeskState[];
  waiting: number;
  next: string[];
}

const waitingOf = (visits: readonly Visit[]) =>
  visits.filter((visit) => visit.state === 'menunggu');

export function queueState(loket: Loket, visits: readonly Visit[], date: string, closed: boolean) {
  const waiting = waitingOf(visits);
  const next = waiting.slice(0, NEXT_SHOWN).map((visit) => visit.number);
  return {
    date,
    closed,
    desks: loket.desks.map((desk): DeskState => {
      const current = visits.find(
        (visit) =>
          visit.desk === desk.id && (visit.state === 'dipanggil' || visit.state === 'dilayani'),
      );
      return {
        id: desk.id,
        name: desk.name,
        serving: current?.number ?? null,
        state: (current?.state as DeskState['state']) ?? null,
        calls: current?.calls ?? 0,
        waiting: waiting.length,
        next,
      };
    }),
    waiting: waiting.length,
    next,
  } satisfies QueueState;
}

/** How many visitors wait before this one (0 when it is their turn or they were called). */
export function peopleAhead(visits: readonly Visit[], visit: Visit): number {
  if (visit.state !== 'menunggu') return 0;
  const waiting = waitingOf(visits);
  return waiting.findIndex((candidate) => candidate.id === visit.id);
}

/** The day's visits with their waits: GET /api/staff/kunjungan and the desk's list. */
export function visitReport(loket: Loket, visits: readonly Visit[], limitMinutes: number) {
  const waits = measureWaits(visits, limitMinutes);
  const share = shareWithinStandard(waits);
  return {
    standardMinutes: limitMinutes,
    visits: visits.map((visit, index) => ({
      reference: visit.reference,
      number: visit.number,
      service: visit.service,
      serviceName: loket.services.find((s) => s.id === visit.service)?.name ?? visit.service,
      state: visit.state,
      desk: visit.desk,
      officer: visit.staffName,
      arrivedAt: visit.arrivedAt,
      calledAt: visit.calledAt,
      startedAt: visit.startedAt,
      finishedAt: visit.finishedAt,
      clockFrom: waits[index].clockFrom,
      waitMinutes: waits[index].waitMinutes,
      withinStandard: waits[index].withinStandard,
      skips: visit.skips,
      followUpReference: visit.followUpReference,
    })),
    served: waits.filter((wait) => wait.withinStandard !== null).length,
    withinStandardCount: waits.filter((wait) => wait.withinStandard === true).length,
    /** 0–1, rounded to three places; null when nobody was served yet. */
    shareWithinStandard: share === null ? null : Math.round(share * 1000) / 1000,
  };
}

export type VisitReport = ReturnType<typeof visitReport>;
