/**
 * The search counts' statements and rows (table search_queries), shared by both adapters
 * (search-sql.ts on SQLite, postgres-search-sql.ts on PostgreSQL): one text each that both
 * databases read alike, so the adapters only run them.
 */
import type { SearchCounts, SearchRecord } from './store.ts';
import type { Row } from './rows.ts';

// CAST, not PostgreSQL's `::text`: a parameter that may be null needs a type there, and
// SQLite reads the same words.
const PERIOD =
  'office = :office AND (CAST(:from AS TEXT) IS NULL OR day >= :from) AND (CAST(:to AS TEXT) IS NULL OR day <= :to)';
const SUMS = `query, SUM(searches) AS searches, SUM(empty) AS empty, SUM(partial) AS partial,
  SUM(opened) AS opened, SUM(asked) AS asked`;

export const SEARCH_SQL = {
  /** Adds one search to the day's row in one statement: concurrent searches lose no count. */
  record: `INSERT INTO search_queries AS q (office, day, query, searches, empty, partial, opened, asked)
     VALUES (:office, :day, :query, 1, :empty, :partial, :opened, :asked)
     ON CONFLICT (office, day, query) DO UPDATE SET
       searches = q.searches + 1,
       empty = q.empty + excluded.empty,
       partial = q.partial + excluded.partial,
       opened = q.opened + excluded.opened,
       asked = q.asked + excluded.asked`,
  total: `SELECT COALESCE(SUM(searches), 0) AS n FROM search_queries WHERE ${PERIOD}`,
  unanswered: `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query
     HAVING SUM(empty) + SUM(partial) > 0
     ORDER BY SUM(empty) + SUM(partial) DESC, SUM(searches) DESC, query LIMIT :limit`,
  asked: `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query HAVING SUM(asked) > 0
     ORDER BY SUM(asked) DESC, SUM(searches) DESC, query LIMIT :limit`,
  purge: 'DELETE FROM search_queries WHERE office = :office AND day < :day',
} as const;

/** The values of SEARCH_SQL.record for one search. */
export function searchParams(search: SearchRecord) {
  return {
    day: search.day,
    query: search.query,
    empty: search.results === 0 ? 1 : 0,
    partial: search.results > 0 && search.partial ? 1 : 0,
    opened: search.outcome === 'dibuka' ? 1 : 0,
    asked: search.outcome === 'konsultasi' ? 1 : 0,
  };
}

/** The values of the gap statements: an open end is null. */
export function gapParams({ fromDay, toDay, limit }: GapPeriod) {
  return { from: fromDay ?? null, to: toDay ?? null, limit };
}

export interface GapPeriod {
  fromDay?: string;
  toDay?: string;
  limit: number;
}

export function toCounts(row: Row): SearchCounts {
  return {
    query: String(row.query),
    searches: Number(row.searches),
    empty: Number(row.empty),
    partial: Number(row.partial),
    opened: Number(row.opened),
    asked: Number(row.asked),
  };
}
