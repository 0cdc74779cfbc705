/**
 * /petugas/*: the officers' workspace. Every page but the login needs a session; every post
 * passes the origin, body and CSRF checks first; nothing is stored by a browser or a proxy
 * (no-store) or indexed (noindex).
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveWorkspaceAsset, WORKSPACE_ASSETS } from '../../http/workspace-assets.ts';
import { workspacePost } from '../../http/workspace-post.ts';
import { endSession, requireOfficer, type WorkspaceEnv } from '../../http/staff-session.ts';
import { renderWorkspaceNotice } from '../../pages/staff/WorkspaceNotice.tsx';
import { pageLook, type Services } from '../../services.ts';
import { accountRoutes, passwordRoutes } from './accounts.ts';
import { inboxRoutes } from './inbox.ts';
import { loginRoutes } from './login.ts';
import { requestPageRoutes } from './request.ts';
import { deskRoutes } from './desk.ts';
import { deviceRoutes } from './devices.ts';
import { reportRoutes } from './reports.ts';

export function workspaceRoutes(services: Services): Hono<WorkspaceEnv> {
  const routes = new Hono<WorkspaceEnv>();

  // Pages are drawn per request, so compressed per request (gzip, about a third of the size).
  routes.use('*', compress());
  routes.use('*', async (c, next) => {
    await next();
    if (!WORKSPACE_ASSETS.some((name) => c.req.path === `/petugas/${name}`)) {
      c.header('Cache-Control', 'no-store');
    }
    c.header('X-Robots-Tag', 'noindex, nofollow');
  });
  for (const name of WORKSPACE_ASSETS) routes.get(`/${name}`, (c) => serveWorkspaceAsset(c, name));

  // Paths without their final slash lead to the page with it, as on the static site.
  routes.get('/masuk', (c) => c.redirect('/petugas/masuk/', 301));

  routes.use('/masuk/', workspacePost(services));
  routes.route('/masuk/', loginRoutes(services));

  routes.use('*', requireOfficer(services));
  routes.use('*', workspacePost(services));

  routes.post('/keluar/', async (c) => {
    const session = c.get('session');
    await endSession(c, services, session);
    await services.store.audit({
      at: services.clock.now().toISOString(),
      staffId: session.officer.id,
      action: 'keluar',
      target: null,
    });
    return c.redirect('/petugas/masuk/?keluar=1', 303);
  });

  routes.route('/', inboxRoutes(services));
  routes.route('/permintaan', requestPageRoutes(services));
  routes.route('/akun/', accountRoutes(services));
  routes.route('/kata-sandi/', passwordRoutes(services));
  if (services.loket) routes.route('/loket/', deskRoutes(services, services.loket));
  routes.route('/perangkat/', deviceRoutes(services));
  routes.route('/laporan/', reportRoutes(services));

  routes.all('*', (c) =>
    c.html(
      renderWorkspaceNotice({
        look: pageLook(services),
        signed: c.get('session'),
        title: 'Halaman tidak ditemukan',
        message: 'Halaman ruang kerja ini tidak ada.',
        back: { href: '/petugas/', label: 'Kembali ke kotak masuk' },
      }),
      404,
    ),
  );

  return routes;
}
