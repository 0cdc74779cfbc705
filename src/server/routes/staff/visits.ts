/**
 * GET /api/staff/kunjungan?date=YYYY-MM-DD (default today, Asia/Jakarta): the walk-in visits
 * of a day with their timestamps, the wait measured as the standard says (from the later of
 * the arrival and the desk's previous finish to the start of service), whether each was
 * within the standard's minutes, and the day's share within it. No names or contacts.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Loket } from '../../../content-schemas/loket.ts';
import { queueDay, visitReport } from '../../domain/walk-in.ts';
import { validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';

const querySchema = v.object({
  date: v.optional(v.pipe(v.string(), v.isoDate('field.invalid'))),
});

export function visitRoutes(services: Services, loket: Loket): Hono {
  return new Hono().get('/', async (c) => {
    const query = validQuery(c, querySchema);
    if (query instanceof Response) return query;
    const date = query.date ?? queueDay(services.clock.now());
    const visits = await services.store.listVisits(date);
    return c.json({
      date,
      ...visitReport(loket, visits, services.standard.limits.walkInMinutes),
    });
  });
}
