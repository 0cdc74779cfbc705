/**
 * /kinerja/ and GET /api/kinerja: the office's public performance figures, from the same
 * report the officers read (domain/report.ts), so the two cannot disagree. The IKM of a period
 * equals /api/ikm's for the same dates. Cached for an hour at most; no personal data.
 */
import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import {
  lastCompleteSemester,
  readPeriod,
  yearToDate,
  type Period,
} from '../../lib/report-period.ts';
import { formatJakartaDateTime } from '../../lib/working-days.ts';
import { buildReport, publicFigures, todayOf, type PublicFigures } from '../domain/report.ts';
import { jsonError } from '../http/errors.ts';
import { renderPerformancePage } from '../pages/PerformancePage.tsx';
import { pageLook, type Services } from '../services.ts';

// The page is the same for everyone and changes slowly: a shared cache may keep it an hour.
const CACHE = 'public, max-age=3600';
const HOUR_MS = 60 * 60_000;
// The page's two periods, and the few an outside reader of the API asks for.
const PERIODS_KEPT = 32;

/**
 * A period's figures, computed at most once an hour: each reads every request, visit and
 * rating of its period, and anyone can ask for the public page as often as they like.
 * Concurrent askers of one period share a single computation.
 */
interface Computed {
  figures: PublicFigures;
  at: Date;
}

function figuresCache(services: Services): (period: Period) => Promise<Computed> {
  const cache = new LRUCache<string, Computed, Period>({
    max: PERIODS_KEPT,
    ttl: HOUR_MS,
    // The app's clock (a fake one in tests), asked each time rather than kept for a moment.
    perf: { now: () => services.clock.now().getTime() },
    ttlResolution: 0,
    fetchMethod: async (_key, _stale, { context: period }) => ({
      figures: publicFigures(await buildReport(services, period, { officers: false }), services),
      at: services.clock.now(),
    }),
  });
  return async (period) => {
    const computed = await cache.fetch(`${period.from}/${period.to}`, { context: period });
    if (!computed) throw new Error('the figures of a period were not computed');
    return computed;
  };
}

function semesterHeading(period: Period): string {
  return `Semester ${period.from.slice(5, 7) === '01' ? 'I' : 'II'} ${period.from.slice(0, 4)}`;
}

/** The page (/kinerja/) and the API (/api/kinerja), sharing one cache of figures. */
export function performanceRoutes(services: Services): { page: Hono; api: Hono } {
  const figuresOf = figuresCache(services);
  const page = new Hono().get('/', async (c) => {
    const today = todayOf(services);
    const semester = lastCompleteSemester(today);
    const year = yearToDate(today);
    const computed = [await figuresOf(semester), await figuresOf(year)];
    const periods = [
      { heading: semesterHeading(semester), figures: computed[0].figures },
      { heading: `Tahun ${year.from.slice(0, 4)} sampai hari ini`, figures: computed[1].figures },
    ];
    const oldest = new Date(Math.min(...computed.map(({ at }) => at.getTime())));
    c.header('Cache-Control', CACHE);
    return c.html(
      renderPerformancePage({
        look: pageLook(services),
        periods,
        computedAt: formatJakartaDateTime(oldest),
      }),
    );
  });
  const api = new Hono().get('/', async (c) => {
    const today = todayOf(services);
    const query = c.req.query();
    // Without dates: this year up to today, as the page's second period.
    const read =
      query.dari || query.sampai || query.periode
        ? readPeriod(query, today)
        : { ok: true as const, period: yearToDate(today) };
    // The period's reason is in Indonesian only, like the report's; it names the field.
    if (!read.ok) return jsonError(c, 400, 'validation_failed', 'id', { periode: read.message });
    c.header('Cache-Control', CACHE);
    return c.json((await figuresOf(read.period)).figures);
  });
  return { page, api };
}
