/**
 * The SQL of the search counts on PostgreSQL (table search_queries), as search-sql.ts is on
 * SQLite. The upsert adds to the day's row in one statement, so concurrent searches from
 * several instances never lose a count.
 */
import type { SearchCounts, SearchGaps, SearchRecord } from './store.ts';
import type { Query } from './postgres-query.ts';
import type { Row } from './rows.ts';

export async function recordSearch(query: Query, search: SearchRecord): Promise<void> {
  await query(
    `INSERT INTO search_queries AS q (day, query, searches, empty, partial, opened, asked)
     VALUES (:day, :query, 1, :empty, :partial, :opened, :asked)
     ON CONFLICT (day, query) DO UPDATE SET
       searches = q.searches + 1,
       empty = q.empty + excluded.empty,
       partial = q.partial + excluded.partial,
       opened = q.opened + excluded.opened,
       asked = q.asked + excluded.asked`,
    {
      day: search.day,
      query: search.query,
      empty: search.results === 0 ? 1 : 0,
      partial: search.results > 0 && search.partial ? 1 : 0,
      opened: search.outcome === 'dibuka' ? 1 : 0,
      asked: search.outcome === 'konsultasi' ? 1 : 0,
    },
  );
}

const PERIOD = '(:from::text IS NULL OR day >= :from) AND (:to::text IS NULL OR day <= :to)';
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

export async function searchGaps(
  query: Query,
  { fromDay, toDay, limit }: { fromDay?: string; toDay?: string; limit: number },
): Promise<SearchGaps> {
  const period = { from: fromDay ?? null, to: toDay ?? null };
  const [total] = await query(
    `SELECT COALESCE(SUM(searches), 0) AS n FROM search_queries WHERE ${PERIOD}`,
    period,
  );
  const unanswered = await query(
    `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query
     HAVING SUM(empty) + SUM(partial) > 0
     ORDER BY SUM(empty) + SUM(partial) DESC, SUM(searches) DESC, query LIMIT :limit`,
    { ...period, limit },
  );
  const asked = await query(
    `SELECT ${SUMS} FROM search_queries WHERE ${PERIOD} GROUP BY query HAVING SUM(asked) > 0
     ORDER BY SUM(asked) DESC, SUM(searches) DESC, query LIMIT :limit`,
    { ...period, limit },
  );
  return {
    searches: Number(total.n),
    unanswered: unanswered.map(toCounts),
    asked: asked.map(toCounts),
  };
}

export async function purgeSearchesBefore(query: Query, day: string): Promise<number> {
  return (await query('DELETE FROM search_queries WHERE day < :day RETURNING 1', { day })).length;
}
