/**
 * The SQL of the search counts (table search_queries, migration "search counts"), apart from
 * the rest of the adapter so that it moves with the store as a whole. Each function takes the
 * adapter's prepared-statement cache.
 */
import type { StatementSync } from 'node:sqlite';
import type { SearchCounts, SearchGaps, SearchRecord } from './store.ts';

type Sql = (text: string) => StatementSync;
type Row = Record<string, unknown>;

export function recordSearch(sql: Sql, search: SearchRecord): void {
  sql(
    `INSERT INTO search_queries (day, query, searches, empty, partial, opened, asked)
     VALUES (:day, :query, 1, :empty, :partial, :opened, :asked)
     ON CONFLICT (day, query) DO UPDATE SET
       searches = searches + 1,
       empty = empty + excluded.empty,
       partial = partial + excluded.partial,
       opened = opened + excluded.opened,
       asked = asked + excluded.asked`,
  ).run({
    day: search.day,
    query: search.query,
    empty: search.results === 0 ? 1 : 0,
    partial: search.results > 0 && search.partial ? 1 : 0,
    opened: search.outcome === 'dibuka' ? 1 : 0,
    asked: search.outcome === 'konsultasi' ? 1 : 0,
  });
}

const PERIOD = '(:from IS NULL OR day >= :from) AND (:to IS NULL OR day <= :to)';
const SUMS = `query, SUM(searches) AS searches, SUM(empty) AS empty, SUM(partial) AS partial,
  SUM(opened) AS opened, SUM(asked) AS asked`;

function toCounts(row: Row): SearchCounts {
  return {
    query: String(row.query),
    searches: Number(row.searches),
    empty: Number(row.empty),
    partial: Number(row.partial),
    opened: Number(row.opened),
    asked: Number(row.asked),
  };
}

export function searchGaps(
  sql: Sql,
  { fromDay, toDay, limit }: { fromDay?: string; toDay?: string; limit: number },
): SearchGaps {
  const period = { from: fromDay ?? null, to: toDay ?? null };
  const total = sql(
    `SELECT COALESCE(SUM(searches), 0) AS n FROM search_queries WHERE ${PERIOD}`,
  ).get(period) as Row;
  const unanswered = sql(
    `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query
     HAVING SUM(empty) + SUM(partial) > 0
     ORDER BY SUM(empty) + SUM(partial) DESC, SUM(searches) DESC, query LIMIT :limit`,
  ).all({ ...period, limit }) as Row[];
  const asked = sql(
    `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query HAVING SUM(asked) > 0
     ORDER BY SUM(asked) DESC, SUM(searches) DESC, query LIMIT :limit`,
  ).all({ ...period, limit }) as Row[];
  return {
    searches: Number(total.n),
    unanswered: unanswered.map(toCounts),
    asked: asked.map(toCounts),
  };
}

export function purgeSearchesBefore(sql: Sql, day: string): number {
  return Number(sql('DELETE FROM search_queries WHERE day < :day').run({ day }).changes);
}
