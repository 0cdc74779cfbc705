/**
 * The reports (/petugas/laporan/, /kinerja/) on SQLite: the statements and rows of
 * report-rows.ts, run on the store's connection, apart from the rest of the adapter like
 * search-sql.ts.
 */
import type { PeriodFacts } from './store.ts';
import type { Row } from './rows.ts';
import type { Sql } from './sqlite-operations.ts';
import {
  REPORT_SQL,
  toPageFeedback,
  toRatingFacts,
  toRequestFacts,
  toVisitFacts,
} from './report-rows.ts';

export function periodFacts(
  sql: Sql,
  period: { from: string; before: string; fromDay: string; toDay: string },
): PeriodFacts {
  const instants = { from: period.from, before: period.before };
  const acts = sql(REPORT_SQL.staffActs);
  const requests = (sql(REPORT_SQL.requests).all(instants) as Row[]).map((row) =>
    toRequestFacts(row, acts.all({ id: Number(row.id) }) as Row[]),
  );
  const days = { fromDay: period.fromDay, toDay: period.toDay };
  const visits = (sql(REPORT_SQL.visits).all(days) as Row[]).map(toVisitFacts);
  const ratings = (sql(REPORT_SQL.ratings).all(instants) as Row[]).map(toRatingFacts);
  const feedback = (
    sql(REPORT_SQL.feedback((condition) => `SUM(${condition})`)).all(instants) as Row[]
  ).map(toPageFeedback);
  const held = sql(REPORT_SQL.meetingsHeld).get(instants) as Row;
  return { requests, visits, ratings, feedback, meetingsHeld: Number(held.n) };
}
