/**
 * /antrean/: the public side of the walk-in queue. /antrean/layar/ is the waiting area's TV;
 * /antrean/TICKET_ID/ is a visitor's ticket on their phone (the id is random, 128 bits, and
 * the page shows the number and the queue only, no name). Both never cached (no-store).
 */
import { Hono } from 'hono';
import type { Loket } from '../../../content-schemas/loket.ts';
import { closedToday, queueDay, queueState } from '../../domain/walk-in.ts';
import { serveWalkInAsset, WALK_IN_ASSETS } from '../../http/walk-in-assets.ts';
import { renderDisplayPage } from '../../pages/walk-in/DisplayPage.tsx';
import { renderTicketPage } from '../../pages/walk-in/TicketPage.tsx';
import { renderNoticePage } from '../../pages/NoticePage.tsx';
import { pageLook, type Services } from '../../services.ts';
import { ticketFacts, TICKET_ID, walkInHeaders } from './common.ts';

/** Today's queue state, as GET /api/antrean answers it. */
export async function currentQueue(services: Services, loket: Loket) {
  const now = services.clock.now();
  const day = queueDay(now);
  return queueState(loket, await services.store.listVisits(day), day, closedToday(services, now));
}

export function queuePageRoutes(services: Services, loket: Loket): Hono {
  const routes = new Hono();
  const look = pageLook(services);
  routes.use('*', walkInHeaders);
  for (const name of WALK_IN_ASSETS) routes.get(`/${name}`, (c) => serveWalkInAsset(c, name));

  routes.get('/layar', (c) => c.redirect('/antrean/layar/', 301));
  routes.get('/layar/', async (c) =>
    c.html(renderDisplayPage({ look, state: await currentQueue(services, loket) })),
  );

  routes.get('/:id/', async (c) => {
    const id = c.req.param('id');
    const visit = TICKET_ID.test(id) ? await services.store.findVisit({ ticketId: id }) : null;
    if (!visit) {
      return c.html(
        renderNoticePage({
          title: 'Nomor antrean tidak ditemukan',
          message:
            'Alamat ini tidak cocok dengan nomor antrean mana pun. Periksa kembali alamat pada tiket Anda, atau tanyakan ke meja depan.',
          backHref: '/',
          look,
        }),
        404,
      );
    }
    return c.html(
      renderTicketPage({
        look,
        ...(await ticketFacts(c, services, loket, visit)),
      }),
    );
  });

  return routes;
}
