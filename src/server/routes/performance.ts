/**
 * /kinerja/ and GET /api/kinerja: the office's public performance figures, from the same
 * report the officers read (domain/report.ts), so the two cannot disagree. The IKM of a period
 * equals /api/ikm's for the same dates. Cached for an hour at most; no personal data.
 */
import { Hono } from 'hono';
import {
  lastCompleteSemester,
  readPeriod,
  yearToDate,
  type Period,
} from '../../lib/report-period.ts';
import { formatJakartaDateTime } from '../../lib/working-days.ts';
import { buildReport, publicFigures, todayOf } from '../domain/report.ts';
import { jsonError } from '../http/errors.ts';
import { renderPerformancePage } from '../pages/PerformancePage.tsx';
import { pageLook, type Services } from '../services.ts';

// The page is the same for everyone and changes slowly: a shared cache may keep it an hour.
const CACHE = 'public, max-age=3600';

async function figuresOf(services: Services, period: Period) {
  return publicFigures(await buildReport(services, period, { officers: false }), services);
}

function semesterHeading(period: Period): string {
  return `Semester ${period.from.slice(5, 7) === '01' ? 'I' : 'II'} ${period.from.slice(0, 4)}`;
}

export function performancePageRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const today = todayOf(services);
    const semester = lastCompleteSemester(today);
    const year = yearToDate(today);
    const periods = [
      { heading: semesterHeading(semester), figures: await figuresOf(services, semester) },
      {
        heading: `Tahun ${year.from.slice(0, 4)} sampai hari ini`,
        figures: await figuresOf(services, year),
      },
    ];
    c.header('Cache-Control', CACHE);
    return c.html(
      renderPerformancePage({
        look: pageLook(services),
        periods,
        computedAt: formatJakartaDateTime(services.clock.now()),
      }),
    );
  });
}

export function performanceApiRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
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
    return c.json(await figuresOf(services, read.period));
  });
}
