/** /api/staff/export.csv: the requests of a period for a spreadsheet (UTF-8 with BOM). */
import { Hono } from 'hono';
import { requestsCsv } from '../../domain/request-export.ts';
import { validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';
import { listQuerySchema, toFilter, todayIn } from './request-list.ts';

export function exportRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const query = validQuery(c, listQuerySchema);
    if (query instanceof Response) return query;
    const { items } = await services.store.listRequests({
      ...toFilter(query),
      limit: undefined,
      offset: undefined,
    });
    const today = todayIn(services.clock.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="permintaan-${today}.csv"`);
    return c.body(requestsCsv(items, today, query.sep === 'semicolon' ? ';' : ','));
  });
}
