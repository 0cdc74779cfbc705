/**
 * /akun/*: the citizen's side of registration, without passwords. The confirmation link of a
 * first request, the sign-in by one-time link, "Permintaan saya" (every request, rating and
 * meeting of the address) and the erasure of one's own data. Every post comes from this
 * origin; those of a signed-in citizen carry the session's CSRF token.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { email as emailField } from '../../../schemas/fields.ts';
import { catalogueFor, fieldErrors } from '../../../schemas/messages.ts';
import { confirmAddress, sendSignInLink } from '../../domain/registration.ts';
import {
  currentCitizen,
  endCitizenSession,
  startCitizenSession,
  type CitizenSignedIn,
} from '../../http/citizen-session.ts';
import { readBody } from '../../http/form-body.ts';
import { isSameOrigin } from '../../http/guards.ts';
import { csrfMatches, hashToken } from '../../http/session-cookie.ts';
import { render } from '../../pages/account/AccountPages.tsx';
import { pageLook, type Services } from '../../services.ts';
import { conversationPage } from '../messages.ts';

type Env = { Variables: { form: Record<string, string>; citizen: CitizenSignedIn | null } };

const NOTICES: Record<string, string> = {
  dikonfirmasi:
    'Alamat email Anda sudah dikonfirmasi. Permintaan Anda mulai diproses; nomor dan batas waktunya kami kirim ke email Anda.',
};

export function accountRoutes(services: Services): Hono<Env> {
  const { store, clock } = services;
  const routes = new Hono<Env>();
  const look = () => pageLook(services);

  routes.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
  });

  /** Posts: from this origin, a urlencoded body within the limit; a session's token when signed in. */
  routes.use('*', async (c, next) => {
    c.set('citizen', await currentCitizen(c, services));
    if (c.req.method !== 'POST') return next();
    const body = isSameOrigin(c) ? await readBody(c.req) : null;
    const citizen = c.get('citizen');
    const sessionBound =
      c.req.path !== '/akun/masuk/' &&
      !c.req.path.includes('/konfirmasi/') &&
      !c.req.path.includes('/tautan/');
    if (
      !body?.ok ||
      body.encoding !== 'form' ||
      (sessionBound && (!citizen || !csrfMatches(body.values.csrf, citizen)))
    ) {
      return c.html(
        render.notice({
          look: look(),
          title: 'Permintaan ditolak',
          message: 'Formulir ini sudah tidak berlaku. Muat ulang halaman, lalu coba lagi.',
          back: { href: '/akun/', label: 'Kembali ke Permintaan saya' },
        }),
        403,
      );
    }
    c.set('form', body.values as Record<string, string>);
    await next();
  });

  const expired = (c: Context<Env>, what: string) =>
    c.html(
      render.notice({
        look: look(),
        title: 'Tautan tidak berlaku',
        message: `${what} sudah dipakai atau sudah kedaluwarsa. Minta tautan baru lewat halaman masuk.`,
        back: { href: '/akun/masuk/', label: 'Ke halaman masuk' },
      }),
      400,
    );

  routes.get('/konfirmasi/', (c) =>
    c.html(
      render.useLink({
        look: look(),
        title: 'Konfirmasi alamat email',
        lead: 'Tekan tombol di bawah untuk mengonfirmasi bahwa alamat email ini milik Anda. Setelah itu permintaan Anda mulai diproses.',
        action: '/akun/konfirmasi/',
        token: (c.req.query('token') ?? '').slice(0, 100),
        button: 'Konfirmasi alamat email saya',
      }),
    ),
  );

  routes.post('/konfirmasi/', async (c) => {
    const now = clock.now();
    const email = await confirmAddress(services, c.get('form').token ?? '', now);
    if (!email) return expired(c, 'Tautan konfirmasi ini');
    await startCitizenSession(c, services, email);
    return c.redirect('/akun/?selesai=dikonfirmasi', 303);
  });

  routes.get('/masuk/', (c) =>
    c.html(
      render.signIn({
        look: look(),
        info: c.req.query('keluar') === '1' ? 'Anda sudah keluar.' : undefined,
      }),
    ),
  );

  routes.post('/masuk/', async (c) => {
    const typed = (c.get('form').email ?? '').slice(0, 254);
    const parsed = v.safeParse(emailField(), typed);
    if (!parsed.success) {
      const error = fieldErrors(parsed.issues, catalogueFor('id')).form;
      return c.html(render.signIn({ look: look(), email: typed, error }), 400);
    }
    await sendSignInLink(services, parsed.output, clock.now());
    return c.html(render.signIn({ look: look(), email: parsed.output, sent: true }));
  });

  routes.get('/masuk/tautan/', (c) =>
    c.html(
      render.useLink({
        look: look(),
        title: 'Masuk ke Permintaan saya',
        lead: 'Tekan tombol di bawah untuk masuk.',
        action: '/akun/masuk/tautan/',
        token: (c.req.query('token') ?? '').slice(0, 100),
        button: 'Masuk',
      }),
    ),
  );

  routes.post('/masuk/tautan/', async (c) => {
    const email = await store.useCitizenToken(
      hashToken(c.get('form').token ?? ''),
      'masuk',
      clock.now().toISOString(),
    );
    if (!email) return expired(c, 'Tautan masuk ini');
    await startCitizenSession(c, services, email);
    return c.redirect('/akun/', 303);
  });

  // Below: signed in only.
  routes.use('*', async (c, next) => {
    if (c.get('citizen')) return next();
    return c.redirect('/akun/masuk/', 303);
  });

  routes.get('/', async (c) => {
    const citizen = c.get('citizen') as CitizenSignedIn;
    const requests = await store.requestsOf(citizen.email);
    const rated = new Set(await store.ratedReferences(requests.map((r) => r.reference)));
    const meetings = await Promise.all(requests.map((r) => store.meetingsOf(r.id)));
    return c.html(
      render.myRequests({
        look: look(),
        email: citizen.email,
        csrf: citizen.csrf,
        notice: NOTICES[c.req.query('selesai') ?? ''],
        requests: requests.map((request, index) => ({
          request,
          href: conversationPage(services, request, 'percakapan'),
          rated: rated.has(request.reference),
          meetings: meetings[index],
        })),
      }),
    );
  });

  routes.get('/hapus/', async (c) => {
    const citizen = c.get('citizen') as CitizenSignedIn;
    const count = (await store.requestsOf(citizen.email)).length;
    return c.html(render.eraseMine({ look: look(), csrf: citizen.csrf, count }));
  });

  routes.post('/hapus/', async (c) => {
    const citizen = c.get('citizen') as CitizenSignedIn;
    const at = clock.now().toISOString();
    const erased = await store.eraseCitizen(
      citizen.email,
      at,
      'Data pribadi dihapus atas permintaan pengguna',
    );
    await store.audit({
      at,
      staffId: null,
      action: 'hapus-data-sendiri',
      target: `${erased} permintaan`,
    });
    await endCitizenSession(c, services, citizen);
    return c.html(
      render.notice({
        look: look(),
        title: 'Data Anda sudah dihapus',
        message: `Data pribadi dari ${erased} permintaan sudah dihapus. Terima kasih telah memakai layanan kami.`,
        back: { href: '/', label: 'Ke halaman utama' },
      }),
    );
  });

  routes.post('/keluar/', async (c) => {
    await endCitizenSession(c, services, c.get('citizen') as CitizenSignedIn);
    return c.redirect('/akun/masuk/?keluar=1', 303);
  });

  return routes;
}
