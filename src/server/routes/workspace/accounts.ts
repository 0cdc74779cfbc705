/**
 * /petugas/akun/ (admins): the officers' accounts — list, add, disable or enable, reset a
 * password. /petugas/kata-sandi/ (everyone): change one's own password. Disabling and every
 * new password end the officer's sessions (the store does it in the same write).
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { email as emailField } from '../../../schemas/fields.ts';
import { catalogueFor, fieldErrors } from '../../../schemas/messages.ts';
import {
  hashPassword,
  PASSWORD_PROBLEMS,
  passwordProblem,
  verifyPassword,
} from '../../domain/passwords.ts';
import { startSession, type WorkspaceEnv } from '../../http/staff-session.ts';
import { renderAccountsPage } from '../../pages/staff/AccountsPage.tsx';
import { renderPasswordPage } from '../../pages/staff/PasswordPage.tsx';
import { pageLook, type Services } from '../../services.ts';
import { adminOnly } from './admin-only.ts';
import type { StaffRole } from '../../storage/store.ts';

type Ctx = Context<WorkspaceEnv>;

const NOTICES: Record<string, string> = {
  ditambah: 'Akun petugas ditambahkan. Sampaikan kata sandi awalnya secara langsung.',
  nonaktif: 'Akun dinonaktifkan. Semua sesinya berakhir.',
  aktif: 'Akun diaktifkan kembali.',
  'kata-sandi': 'Kata sandi baru disimpan. Semua sesi petugas itu berakhir.',
};

const emailSchema = emailField();

/** The add form's problems by field, and the account when there are none. */
function checkNewAccount(values: { name: string; email: string; role: string; password: string }) {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Tulis nama petugas.';
  else if (name.length > 100) errors.name = 'Nama paling banyak 100 karakter.';
  const email = v.safeParse(emailSchema, values.email);
  if (!email.success) errors.email = fieldErrors(email.issues, catalogueFor('id')).form;
  if (values.role !== 'admin' && values.role !== 'petugas') errors.role = 'Pilih peran.';
  const problem = passwordProblem(values.password, values.email);
  if (problem) errors.password = PASSWORD_PROBLEMS[problem];
  return { errors, name, email: email.success ? email.output : '', role: values.role as StaffRole };
}

export function accountRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock } = services;
  const routes = new Hono<WorkspaceEnv>();

  routes.use(
    '*',
    adminOnly(
      services,
      'Akun petugas dikelola oleh admin PST. Minta admin jika akun perlu diubah.',
    ),
  );

  async function page(
    c: Ctx,
    status: 200 | 400 | 409,
    extra: Partial<Parameters<typeof renderAccountsPage>[0]> = {},
  ) {
    return c.html(
      renderAccountsPage({
        look: pageLook(services),
        signed: c.get('session'),
        accounts: await store.listStaff(),
        ...extra,
      }),
      status,
    );
  }

  const audit = (c: Ctx, action: string, target: string) =>
    store.audit({
      at: clock.now().toISOString(),
      staffId: c.get('session').officer.id,
      action,
      target,
    });

  routes.get('/', (c) => page(c, 200, { notice: NOTICES[c.req.query('selesai') ?? ''] }));

  routes.post('/', async (c) => {
    const form = c.get('form');
    const values = { name: form.name ?? '', email: form.email ?? '', role: form.role ?? '' };
    const checked = checkNewAccount({ ...values, password: form.password ?? '' });
    if (Object.keys(checked.errors).length > 0) {
      return page(c, 400, { values, errors: checked.errors });
    }
    const created = await store.createStaff({
      name: checked.name,
      email: checked.email,
      role: checked.role,
      passwordHash: await hashPassword(form.password ?? ''),
      at: clock.now().toISOString(),
    });
    if (!created) {
      return page(c, 409, { values, errors: { email: 'Email ini sudah dipakai akun lain.' } });
    }
    await audit(c, 'akun-tambah', checked.email);
    return c.redirect('/petugas/akun/?selesai=ditambah', 303);
  });

  /** The account named in the path, or null. */
  async function account(c: Ctx) {
    const id = Number(c.req.param('id'));
    return (await store.listStaff()).find((a) => a.id === id) ?? null;
  }

  routes.post('/:id/aktif/', async (c) => {
    const target = await account(c);
    if (!target) return page(c, 400, { errors: { form: 'Akun ini tidak ada.' } });
    if (target.id === c.get('session').officer.id) {
      return page(c, 400, {
        errors: { form: 'Anda tidak dapat menonaktifkan akun Anda sendiri.' },
      });
    }
    const active = c.get('form').aktif === '1';
    await store.setStaffActive(target.id, active);
    await audit(c, active ? 'akun-aktif' : 'akun-nonaktif', target.email);
    return c.redirect(`/petugas/akun/?selesai=${active ? 'aktif' : 'nonaktif'}`, 303);
  });

  routes.post('/:id/kata-sandi/', async (c) => {
    const target = await account(c);
    if (!target) return page(c, 400, { errors: { form: 'Akun ini tidak ada.' } });
    const password = c.get('form').password ?? '';
    const problem = passwordProblem(password, target.email);
    if (problem)
      return page(c, 400, { resetError: { id: target.id, message: PASSWORD_PROBLEMS[problem] } });
    await store.setStaffPassword(target.id, await hashPassword(password));
    await audit(c, 'akun-atur-ulang', target.email);
    // Resetting one's own password ends this session too: start a new one.
    if (target.id === c.get('session').officer.id) await startSession(c, services, target);
    return c.redirect('/petugas/akun/?selesai=kata-sandi', 303);
  });

  return routes;
}

export function passwordRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock } = services;
  const routes = new Hono<WorkspaceEnv>();
  const page = (
    c: Ctx,
    status: 200 | 400,
    extra: { errors?: Record<string, string>; notice?: string } = {},
  ) =>
    c.html(
      renderPasswordPage({ look: pageLook(services), signed: c.get('session'), ...extra }),
      status,
    );

  routes.get('/', (c) =>
    page(c, 200, {
      notice:
        c.req.query('selesai') === '1'
          ? 'Kata sandi baru disimpan. Sesi lain Anda telah berakhir.'
          : undefined,
    }),
  );

  routes.post('/', async (c) => {
    const { officer } = c.get('session');
    const form = c.get('form');
    const credentials = await store.findStaff(officer.email);
    const errors: Record<string, string> = {};
    const now = clock.now().toISOString();
    const current = await verifyPassword(form.current ?? '', credentials?.passwordHash ?? '');
    if (!current) {
      errors.current = 'Kata sandi sekarang salah.';
      // Counted with the login's failures: a borrowed session cannot guess the password freely.
      await store.recordLoginAttempt({
        email: officer.email,
        client: 'kata-sandi',
        ok: false,
        at: now,
      });
    }
    const problem = passwordProblem(form.password ?? '', officer.email);
    if (problem) errors.password = PASSWORD_PROBLEMS[problem];
    else if (form.password !== form.repeat) errors.repeat = 'Kedua kata sandi baru tidak sama.';
    if (Object.keys(errors).length > 0) return page(c, 400, { errors });
    await store.setStaffPassword(officer.id, await hashPassword(form.password ?? ''));
    await store.audit({
      at: now,
      staffId: officer.id,
      action: 'ganti-kata-sandi',
      target: officer.email,
    });
    await startSession(c, services, officer);
    return c.redirect('/petugas/kata-sandi/?selesai=1', 303);
  });

  return routes;
}
