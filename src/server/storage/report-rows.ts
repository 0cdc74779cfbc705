/**
 * The reports' statements and rows, shared by both adapters (report-sql.ts on SQLite,
 * postgres-report-sql.ts on PostgreSQL): the rows of one period, with no personal column
 * read. The figures are computed from them in src/lib, so the adapters only run these.
 */
import type {
  Actor,
  PeriodFacts,
  RatingChannel,
  RequestFacts,
  RequestStatus,
  VisitState,
} from './store.ts';
import type { Row } from './rows.ts';

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const id = (value: unknown): number | null => (value === null ? null : Number(value));

// An officer spoke to the citizen: a reply, a request for more ("perlu dilengkapi" leaves the
// request waiting on the citizen) or the close. The reply's text is erased with the personal
// data; the status is not, so an erased request still counts.
const STAFF_ACT =
  "actor = 'petugas' AND (reply IS NOT NULL OR status IN ('menunggu_pengguna', 'selesai'))";

/** Statements with `:name` placeholders, the same text on both databases; `:office` is the store's. */
export const REPORT_SQL = {
  /** Requests received, closed or answered in the period (:from, :before). */
  requests: `SELECT r.id, r.reference, r.kind, r.status, r.channel, r.category, r.created_at,
            r.email_confirmed, r.due_date, r.clock_suspended, r.clock_restarted_at,
            closed.at AS closed_at, closed.actor AS closed_by
     FROM requests r
     LEFT JOIN history closed ON closed.id = (
       SELECT id FROM history WHERE request_id = r.id AND status = 'selesai' ORDER BY at, id LIMIT 1)
     WHERE r.office = :office AND r.spam = 0 AND ((r.created_at >= :from AND r.created_at < :before)
       OR (closed.at >= :from AND closed.at < :before)
       OR r.id IN (SELECT request_id FROM history
         WHERE office = :office AND ${STAFF_ACT} AND at >= :from AND at < :before))
     ORDER BY r.created_at, r.id`,
  /** An officer's acts on one request (:id). */
  staffActs: `SELECT at, staff_id FROM history
       WHERE office = :office AND request_id = :id AND ${STAFF_ACT} ORDER BY at, id`,
  /** Visits of the period's days (:fromDay, :toDay). */
  visits: `SELECT id, day, service, state, arrived_at, started_at, finished_at, desk, staff_id
       FROM visits WHERE office = :office AND day >= :fromDay AND day <= :toDay
       ORDER BY day, arrived_at, id`,
  ratings: `SELECT created_at, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM ratings
       WHERE office = :office AND spam = 0 AND created_at >= :from AND created_at < :before
       ORDER BY created_at, id`,
  meetingsHeld: `SELECT COUNT(*) AS n FROM meetings m JOIN meeting_slots s ON s.id = m.chosen_slot
     WHERE m.office = :office AND m.state = 'terlaksana' AND s.starts_at >= :from
       AND s.starts_at < :before`,
  /**
   * Page feedback per page; `count` writes "the rows where …" in the database's own words
   * (SUM of a comparison on SQLite, COUNT(*) FILTER on PostgreSQL).
   */
  feedback: (count: (condition: string) => string) => `SELECT page,
              ${count('helpful = 1 AND context IS NULL')} AS helpful,
              ${count('helpful = 0')} AS not_helpful,
              ${count("context = 'saran_konsultasi'")} AS answered
       FROM feedback WHERE office = :office AND spam = 0 AND created_at >= :from
         AND created_at < :before
       GROUP BY page ORDER BY not_helpful DESC, page`,
} as const;

export function toRequestFacts(row: Row, staffActs: readonly Row[]): RequestFacts {
  return {
    reference: String(row.reference),
    kind: row.kind as RequestFacts['kind'],
    status: row.status as RequestStatus,
    channel: text(row.channel),
    category: text(row.category),
    createdAt: String(row.created_at),
    emailConfirmed: row.email_confirmed !== 0,
    dueDate: String(row.due_date),
    clockSuspended: row.clock_suspended === 1,
    clockRestartedAt: text(row.clock_restarted_at),
    staffActs: staffActs.map((act) => ({ at: String(act.at), staffId: id(act.staff_id) })),
    closedAt: text(row.closed_at),
    closedBy: (text(row.closed_by) as Actor | null) ?? null,
  };
}

export function toVisitFacts(row: Row): PeriodFacts['visits'][number] {
  return {
    id: Number(row.id),
    day: String(row.day),
    service: String(row.service),
    state: row.state as VisitState,
    arrivedAt: String(row.arrived_at),
    startedAt: text(row.started_at),
    finishedAt: text(row.finished_at),
    desk: text(row.desk),
    staffId: id(row.staff_id),
  };
}

export function toRatingFacts(row: Row): PeriodFacts['ratings'][number] {
  return {
    createdAt: String(row.created_at),
    channel: text(row.channel) as RatingChannel | null,
    answers: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => Number(row[`u${n}`])),
  };
}

export function toPageFeedback(row: Row): PeriodFacts['feedback'][number] {
  return {
    page: String(row.page),
    helpful: Number(row.helpful),
    notHelpful: Number(row.not_helpful),
    answeredQuestions: Number(row.answered),
  };
}
