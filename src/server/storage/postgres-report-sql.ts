/**
 * The reports on PostgreSQL, as report-sql.ts is on SQLite: the statements and rows of
 * report-rows.ts, run through the pool.
 */
import type { PeriodFacts } from './store.ts';
import type { Query } from './postgres-query.ts';
import {
  REPORT_SQL,
  toPageFeedback,
  toRatingFacts,
  toRequestFacts,
  toVisitFacts,
} from './report-rows.ts';

export async function periodFacts(
  query: Query,
  period: { from: string; before: string; fromDay: string; toDay: string },
): Promise<PeriodFacts> {
  const instants = { from: period.from, before: period.before };
  const requests = await Promise.all(
    (await query(REPORT_SQL.requests, instants)).map(async (row) =>
      toRequestFacts(row, await query(REPORT_SQL.staffActs, { id: Number(row.id) })),
    ),
  );
  const days = { fromDay: period.fromDay, toDay: period.toDay };
  const visits = (await query(REPORT_SQL.visits, days)).map(toVisitFacts);
  const ratings = (await query(REPORT_SQL.ratings, instants)).map(toRatingFacts);
  const feedback = (
    await query(
      REPORT_SQL.feedback((condition) => `COUNT(*) FILTER (WHERE ${condition})`),
      instants,
    )
  ).map(toPageFeedback);
  const [held] = await query(REPORT_SQL.meetingsHeld, instants);
  return { requests, visits, ratings, feedback, meetingsHeld: Number(held.n) };
}
