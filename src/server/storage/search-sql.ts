/**
 * The search counts on SQLite: the statements and rows of search-rows.ts, run on the
 * store's connection, apart from the rest of the adapter so that they move with the store.
 */
import type { SearchGaps, SearchRecord } from './store.ts';
import type { Row } from './rows.ts';
import type { Sql } from './sqlite-operations.ts';
import { gapParams, searchParams, SEARCH_SQL, toCounts, type GapPeriod } from './search-rows.ts';

export function recordSearch(sql: Sql, search: SearchRecord): void {
  sql(SEARCH_SQL.record).run(searchParams(search));
}

export function searchGaps(sql: Sql, period: GapPeriod): SearchGaps {
  const { limit, ...range } = gapParams(period);
  const total = sql(SEARCH_SQL.total).get(range) as Row;
  return {
    searches: Number(total.n),
    unanswered: (sql(SEARCH_SQL.unanswered).all({ ...range, limit }) as Row[]).map(toCounts),
    asked: (sql(SEARCH_SQL.asked).all({ ...range, limit }) as Row[]).map(toCounts),
  };
}

export function purgeSearchesBefore(sql: Sql, day: string): number {
  return Number(sql(SEARCH_SQL.purge).run({ day }).changes);
}
