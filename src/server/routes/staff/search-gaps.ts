/**
 * GET /api/staff/search-gaps?from=YYYY-MM-DD[&to=…][&limit=…]: the searches that failed
 * (nothing found, or only pages with some of the words) and those after which the citizen
 * went on to ask: candidates for new FAQ answers. Counts are of the reporting sample.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { SEARCH_EVENT_SAMPLE_RATE } from '../../../lib/search-events.ts';
import { validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';

const LIMIT_DEFAULT = 50;
const LIMIT_MAX = 500;
const day = v.optional(v.pipe(v.string(), v.isoDate('field.invalid')));

const gapsQuerySchema = v.object({
  /** First and last day (inclusive, Asia/Jakarta); open when left out. */
  from: day,
  to: day,
  /** Queries per list. */
  limit: v.optional(
    v.pipe(
      v.string(),
      v.digits('field.invalid'),
      v.transform(Number),
      v.minValue(1, 'field.invalid'),
      v.maxValue(LIMIT_MAX, 'field.invalid'),
    ),
    String(LIMIT_DEFAULT),
  ),
});

export function searchGapRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const query = validQuery(c, gapsQuerySchema);
    if (query instanceof Response) return query;
    const gaps = await services.store.searchGaps({
      fromDay: query.from,
      toDay: query.to,
      limit: query.limit,
    });
    return c.json({
      from: query.from ?? null,
      to: query.to ?? null,
      // One visit in 1 / sampleRate reports its searches; multiply for an estimate of all.
      sampleRate: SEARCH_EVENT_SAMPLE_RATE,
      ...gaps,
    });
  });
}
