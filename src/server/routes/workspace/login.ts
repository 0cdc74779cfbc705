/**
 * /petugas/masuk/: the login. One answer for every wrong email or password (401, "Email atau
 * kata sandi salah"), in the same time: an unknown email is checked against a decoy hash.
 * Locked emails and addresses answer 429 with the time to try again, even for the right
 * password (login-throttle.ts).
 */
import { Hono, type Context } from 'hono';
import { formatJakartaDateTime } from '../../../lib/working-days.ts';
import { lockedUntil, lookBackMs, PER_CLIENT, PER_EMAIL } from '../../domain/login-throttle.ts';
import { DECOY_HASH, verifyPassword } from '../../domain/passwords.ts';
import { clientIp } from '../../http/guards.ts';
import {
  currentSession,
  returnPath,
  startSession,
  type WorkspaceEnv,
} from '../../http/staff-session.ts';
import { renderLoginPage } from '../../pages/staff/LoginPage.tsx';
import { pageLook, type Services } from '../../services.ts';

const WRONG = 'Email atau kata sandi salah.';

function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah ${formatJakartaDateTime(until)} (sekitar ${minutes} menit lagi).`;
}

/** The later end of the email's and the address's locks, or null. */
async function lock(
  services: Services,
  email: string,
  client: string,
  now: Date,
): Promise<Date | null> {
  const since = (rule: typeof PER_EMAIL) =>
    new Date(now.getTime() - lookBackMs(rule)).toISOString();
  const [byEmail, byClient] = await Promise.all([
    services.store.loginFailuresSince({ email }, since(PER_EMAIL)),
    services.store.loginFailuresSince({ client }, since(PER_CLIENT)),
  ]);
  const ends = [
    lockedUntil(byEmail, now, PER_EMAIL),
    lockedUntil(byClient, now, PER_CLIENT),
  ].filter((end): end is Date => end !== null);
  return ends.length ? new Date(Math.max(...ends.map((end) => end.getTime()))) : null;
}

export function loginRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock } = services;
  const routes = new Hono<WorkspaceEnv>();
  const look = () => pageLook(services);

  const page = (
    c: Context,
    status: 200 | 401 | 429,
    props: Omit<Parameters<typeof renderLoginPage>[0], 'look'>,
  ) => c.html(renderLoginPage({ look: look(), ...props }), status);

  routes.get('/', async (c) => {
    const next = returnPath(c.req.query('lanjut'));
    if (await currentSession(c, services)) return c.redirect(next, 303);
    const info = c.req.query('keluar') === '1' ? 'Anda telah keluar. Sampai jumpa.' : undefined;
    return page(c, 200, { next, info });
  });

  routes.post('/', async (c) => {
    const form = c.get('form');
    const email = (form.email ?? '').trim().toLowerCase().slice(0, 254);
    const password = (form.password ?? '').slice(0, 200);
    const next = returnPath(form.lanjut);
    const client = clientIp(c, services.config);
    const now = clock.now();

    const until = await lock(services, email, client, now);
    if (until) {
      c.header('Retry-After', String(Math.ceil((until.getTime() - now.getTime()) / 1000)));
      return page(c, 429, { next, email, error: lockMessage(until, now) });
    }

    const account = email ? await store.findStaff(email) : null;
    const matches = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
    const ok = account !== null && account.active && matches && password !== '';
    await store.recordLoginAttempt({ email, client, ok, at: now.toISOString() });
    if (!ok || !account) return page(c, 401, { next, email, error: WRONG });

    const { passwordHash: _hash, ...officer } = account;
    await startSession(c, services, officer);
    await store.audit({
      at: now.toISOString(),
      staffId: officer.id,
      action: 'masuk',
      target: null,
    });
    return c.redirect(next, 303);
  });

  return routes;
}
