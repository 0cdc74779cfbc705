/**
 * /api/staff/feedback: which pages do not help (most "Tidak" first), their newest comments,
 * and how often a suggested answer on the consultation form spared a request.
 */
import { Hono } from 'hono';
import { validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';
import { listQuerySchema, toFilter } from './request-list.ts';

export function feedbackSummaryRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const query = validQuery(c, listQuerySchema);
    if (query instanceof Response) return query;
    const { createdFrom } = toFilter(query);
    return c.json({ items: await services.store.feedbackSummary({ from: createdFrom }) });
  });
}
