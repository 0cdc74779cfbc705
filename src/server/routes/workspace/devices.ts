/**
 * /petugas/perangkat/ (admins): pair the Front Office kiosk with a one-time link (shown once;
 * only its hash is stored), list the paired devices, revoke one (its cookie stops opening the
 * kiosk at once). Each step is audited.
 */
import { Hono, type Context } from 'hono';
import { newPairingToken, pairingUrl, PAIRING_LINK_MS } from '../../http/kiosk-device.ts';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { renderDevicesPage } from '../../pages/staff/DevicesPage.tsx';
import { pageLook, type Services } from '../../services.ts';
import { adminOnly } from './admin-only.ts';
import { publicOrigin } from '../walk-in/common.ts';

type Ctx = Context<WorkspaceEnv>;

export function deviceRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock } = services;
  const routes = new Hono<WorkspaceEnv>();

  routes.use('*', adminOnly(services, 'Perangkat kiosk dipasang dan dicabut oleh admin PST.'));

  const page = async (
    c: Ctx,
    status: 200 | 400,
    extra: { link?: string; notice?: string; error?: string } = {},
  ) =>
    c.html(
      renderDevicesPage({
        look: pageLook(services),
        signed: c.get('session'),
        devices: await store.listKioskDevices(),
        ...extra,
      }),
      status,
    );

  routes.get('/', (c) =>
    page(c, 200, {
      notice: c.req.query('selesai') === 'cabut' ? 'Perangkat dicabut.' : undefined,
    }),
  );

  routes.post('/', async (c) => {
    const label = (c.get('form').label ?? '').trim().replace(/\s+/g, ' ');
    if (!label)
      return page(c, 400, { error: 'Tulis nama perangkat, misalnya Tablet Front Office.' });
    if (label.length > 60)
      return page(c, 400, { error: 'Nama perangkat paling banyak 60 karakter.' });
    const { token, hash } = newPairingToken();
    const now = clock.now();
    await store.createKioskLink({
      tokenHash: hash,
      label,
      staffId: c.get('session').officer.id,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + PAIRING_LINK_MS).toISOString(),
    });
    return page(c, 200, { link: pairingUrl(publicOrigin(c, services), token) });
  });

  routes.post('/:id/cabut/', async (c) => {
    const id = Number(c.req.param('id'));
    const revoked =
      Number.isSafeInteger(id) &&
      (await store.revokeKioskDevice(id, clock.now().toISOString(), c.get('session').officer.id));
    if (!revoked) return page(c, 400, { error: 'Perangkat ini tidak ada atau sudah dicabut.' });
    return c.redirect('/petugas/perangkat/?selesai=cabut', 303);
  });

  return routes;
}
