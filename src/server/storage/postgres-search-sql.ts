/**
 * The search counts on PostgreSQL, as search-sql.ts is on SQLite: the statements and rows of
 * search-rows.ts, run through the pool. The upsert adds to the day's row in one statement, so
 * concurrent searches from several instances never lose a count.
 */
import type { SearchGaps, SearchRecord } from './store.ts';
import type { Query } from './postgres-query.ts';
import { gapParams, searchParams, SEARCH_SQL, toCounts, type GapPeriod } from './search-rows.ts';

export async function recordSearch(query: Query, search: SearchRecord): Promise<void> {
  await query(SEARCH_SQL.record, searchParams(search));
}

export async function searchGaps(query: Query, period: GapPeriod): Promise<SearchGaps> {
  const { limit, ...range } = gapParams(period);
  const [total] = await query(SEARCH_SQL.total, range);
  return {
    searches: Number(total.n),
    unanswered: (await query(SEARCH_SQL.unanswered, { ...range, limit })).map(toCounts),
    asked: (await query(SEARCH_SQL.asked, { ...range, limit })).map(toCounts),
  };
}

export async function purgeSearchesBefore(query: Query, day: string): Promise<number> {
  return (await query(`${SEARCH_SQL.purge} RETURNING 1`, { day })).length;
}
