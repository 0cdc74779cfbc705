/**
 * GET /api/antrean: today's walk-in queue, numbers only (no personal data): per desk the
 * number called or served, the waiting count and the next numbers.
 * GET /api/antrean/stream: the same as Server-Sent Events (Hono's streamSSE), an `antrean`
 * event at once and after every change, a comment every 25 s so proxies keep the connection
 * open, and `retry: 2000` so a dropped display is back within seconds.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Loket } from '../../content-schemas/loket.ts';
import type { Services } from '../services.ts';
import { currentQueue } from './walk-in/queue-pages.ts';

const KEEPALIVE_MS = 25_000;
const RETRY_MS = 2_000;

export function queueRoutes(services: Services, loket: Loket): Hono {
  const routes = new Hono();

  // streamSSE says no-cache; nothing of the queue is to be stored (a service worker included).
  routes.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  routes.get('/', async (c) => c.json(await currentQueue(services, loket)));

  routes.get('/stream', (c) => {
    // nginx buffers responses unless told not to; a buffered stream arrives late or never.
    c.header('X-Accel-Buffering', 'no');
    const response = streamSSE(c, async (stream) => {
      let id = 0;
      let sending = Promise.resolve();
      const send = () => {
        sending = sending.then(async () => {
          if (stream.aborted || stream.closed) return;
          const state = await currentQueue(services, loket);
          await stream.writeSSE({
            event: 'antrean',
            data: JSON.stringify(state),
            id: String((id += 1)),
            retry: RETRY_MS,
          });
        });
        return sending;
      };
      const stop = services.queueEvents.listen(() => void send().catch(() => {}));
      const keepAlive = setInterval(() => {
        void stream.write(': tetap terhubung\n\n').catch(() => {});
      }, KEEPALIVE_MS);
      const ended = new Promise<void>((resolve) => stream.onAbort(resolve));
      try {
        await send();
        await ended;
      } finally {
        stop();
        clearInterval(keepAlive);
      }
    });
    return response;
  });

  return routes;
}
