/** /api/staff/outbox: mail the endpoint has queued (?pending=1: not yet sent). */
import { Hono } from 'hono';
import type { Services } from '../../services.ts';

export function outboxRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const pendingOnly = c.req.query('pending') === '1';
    return c.json({ items: await services.store.listOutbox({ pendingOnly }) });
  });
}
