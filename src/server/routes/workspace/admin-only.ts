/** Sections only admins open (accounts, kiosk devices): others get a 403 page saying whom to ask. */
import type { MiddlewareHandler } from 'hono';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { renderWorkspaceNotice } from '../../pages/staff/WorkspaceNotice.tsx';
import { pageLook, type Services } from '../../services.ts';

export function adminOnly(services: Services, message: string): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session.officer.role === 'admin') return next();
    return c.html(
      renderWorkspaceNotice({
        look: pageLook(services),
        signed: session,
        title: 'Hanya untuk admin',
        message,
        back: { href: '/petugas/', label: 'Kembali ke kotak masuk' },
      }),
      403,
    );
  };
}
