/**
 * /loket/: the guest book on the Front Office kiosk. It opens on a paired device (its cookie,
 * http/kiosk-device.ts) or for a signed-in officer; otherwise 403 with what to do. A check-in
 * answers with the ticket (303 to /loket/tiket/ID/), which goes back to an empty form after
 * 20 s. /loket/pasang/?t=…: a one-time pairing link, confirmed with a button (a link opened
 * by a preview or a scanner must not use it up).
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { Loket } from '../../../content-schemas/loket.ts';
import { guestBookSchema } from '../../../schemas/guest-book.ts';
import { catalogueFor, fieldErrors } from '../../../schemas/messages.ts';
import { checkIn, closedToday } from '../../domain/walk-in.ts';
import { errorMessage } from '../../http/errors.ts';
import { readBody } from '../../http/form-body.ts';
import { isSameOrigin } from '../../http/guards.ts';
import { kioskAllowed, pairDevice } from '../../http/kiosk-device.ts';
import {
  renderKioskMessage,
  renderKioskPage,
  type KioskNext,
} from '../../pages/walk-in/KioskPage.tsx';
import { renderTicketPage } from '../../pages/walk-in/TicketPage.tsx';
import { pageLook, type Services } from '../../services.ts';
import { ticketFacts, TICKET_ID, walkInHeaders } from './common.ts';

export function kioskRoutes(services: Services, loket: Loket): Hono {
  const routes = new Hono();
  const look = pageLook(services);
  const schema = guestBookSchema(
    loket.services.map((service) => service.id) as [string, ...string[]],
  );
  const message = (
    c: Context,
    status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 415,
    title: string,
    text: string,
    next?: KioskNext,
  ) => c.html(renderKioskMessage({ look, title, message: text, next }), status);

  routes.use('*', walkInHeaders);

  const refused = (c: Context) =>
    message(
      c,
      403,
      'Buku tamu hanya di perangkat loket',
      'Halaman ini dibuka di perangkat Front Office yang sudah dipasangkan oleh admin PST. Untuk konsultasi dari rumah, ajukan lewat situs kami.',
      { link: { href: '/konsultasi/', label: 'Ajukan konsultasi online' } },
    );
  const closed = (c: Context, status: 200 | 409) =>
    message(
      c,
      status,
      'Layanan tutup hari ini',
      'Hari ini hari libur. Silakan datang pada hari kerja berikutnya, atau ajukan konsultasi lewat situs kami.',
    );

  routes.get('/', async (c) => {
    if (!(await kioskAllowed(c, services))) return refused(c);
    if (closedToday(services, services.clock.now())) return closed(c, 200);
    return c.html(renderKioskPage({ look, services: loket.services }));
  });

  routes.post('/', async (c) => {
    if (!isSameOrigin(c)) return refused(c);
    if (!(await kioskAllowed(c, services))) return refused(c);
    const body = await readBody(c.req);
    if (!body.ok) return message(c, body.status, 'Buku tamu', errorMessage(body.code, 'id'));
    if (body.encoding !== 'form')
      return message(c, 415, 'Buku tamu', errorMessage('unsupported_media_type', 'id'));
    const now = services.clock.now();
    if (closedToday(services, now)) return closed(c, 409);
    const parsed = v.safeParse(schema, body.values);
    if (!parsed.success) {
      return c.html(
        renderKioskPage({
          look,
          services: loket.services,
          values: body.values,
          errors: fieldErrors(parsed.issues, catalogueFor('id')),
        }),
        400,
      );
    }
    const visit = await checkIn(services, loket, parsed.output, now);
    return c.redirect(`/loket/tiket/${visit.ticketId}/`, 303);
  });

  routes.get('/tiket/:id/', async (c) => {
    if (!(await kioskAllowed(c, services))) return refused(c);
    const id = c.req.param('id');
    const visit = TICKET_ID.test(id) ? await services.store.findVisit({ ticketId: id }) : null;
    if (!visit) return c.redirect('/loket/', 303);
    return c.html(
      renderTicketPage({
        look,
        ...(await ticketFacts(c, services, loket, visit)),
        // The kiosk's page is for taking the number; the desk is shown on the visitor's phone.
        deskName: null,
        kiosk: true,
      }),
    );
  });

  routes.get('/pasang/', (c) => {
    const token = c.req.query('t') ?? '';
    if (!token)
      return message(c, 400, 'Tautan pemasangan tidak lengkap', 'Buka tautan lengkap dari admin.');
    return message(
      c,
      200,
      'Pasang perangkat ini sebagai kiosk',
      'Perangkat ini akan membuka buku tamu Front Office tanpa login, sampai admin mencabutnya di ruang kerja petugas. Tautan ini hanya dapat dipakai sekali.',
      { pairToken: token },
    );
  });

  routes.post('/pasang/', async (c) => {
    if (!isSameOrigin(c))
      return message(c, 403, 'Pemasangan ditolak', 'Buka lagi tautan pemasangan dari admin.');
    const body = await readBody(c.req);
    const token = body.ok && typeof body.values.t === 'string' ? body.values.t : '';
    if (!token || !(await pairDevice(c, services, token))) {
      return message(
        c,
        410,
        'Tautan tidak berlaku',
        'Tautan pemasangan ini sudah dipakai atau kedaluwarsa (berlaku 24 jam). Minta tautan baru kepada admin PST.',
      );
    }
    return c.redirect('/loket/?terpasang=1', 303);
  });

  return routes;
}
