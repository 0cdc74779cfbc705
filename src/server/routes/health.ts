/**
 * GET /api/health: the process answers and the database takes a write. A SELECT 1 would pass
 * while the file is locked by another process or the disk is full, which is exactly when a
 * load balancer must stop sending posts here.
 */
import { Hono } from 'hono';
import { errorBody } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { StoreUnavailableError } from '../storage/store.ts';

// A store that has not answered by then counts as down, even if its lock wait is longer.
const HEALTH_TIMEOUT_MS = 3_000;

export function healthRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError('TIMEOUT', 'no answer')),
        HEALTH_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([services.store.ping(), timeout]);
      return c.json({ status: 'ok' });
    } catch (error) {
      const code = error instanceof StoreUnavailableError ? error.code : 'unknown error';
      console.error(`GET /api/health: database unavailable (${code})`);
      c.header('Retry-After', '10');
      return c.json(errorBody('service_unavailable', 'id'), 503);
    } finally {
      clearTimeout(timer);
    }
  });
}
