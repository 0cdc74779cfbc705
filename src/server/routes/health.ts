/** GET /api/health: the process answers and the database can be read. */
import { Hono } from 'hono';
import { errorBody } from '../http/errors.ts';
import type { Services } from '../services.ts';

export function healthRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    try {
      await services.store.ping();
      return c.json({ status: 'ok' });
    } catch {
      return c.json(errorBody('unavailable', 'id'), 503);
    }
  });
}
