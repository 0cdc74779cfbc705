import { ErrorSummary } from '../../../islands/form-kit/ErrorSummary.tsx';
import { Radios, TextField } from '../../../islands/form-kit/Fields.tsx';
import { formatJakartaDateTime } from '../../../lib/working-days.ts';
import type { StaffAccount } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { CsrfField, Notice, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

export const ROLE_LABELS = { admin: 'Admin (mengelola akun)', petugas: 'Petugas' } as const;

interface Props {
  look: PageLook;
  signed: Signed;
  accounts: readonly StaffAccount[];
  /** The add form as typed, after an error. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Errors of a reset, by the account's id. */
  resetError?: { id: number; message: string };
  notice?: string;
}

const ignore = () => {};

function AccountRow({
  account,
  signed,
  resetError,
}: {
  account: StaffAccount;
  signed: Signed;
  resetError?: Props['resetError'];
}) {
  const self = account.id === signed.officer.id;
  const error = resetError?.id === account.id ? resetError.message : undefined;
  const id = `reset-${account.id}`;
  return (
    <li class="account-row">
      <h3>
        {account.name} {self ? <span class="muted">(Anda)</span> : null}
      </h3>
      <p class="muted">
        {account.email} · {account.role === 'admin' ? 'admin' : 'petugas'} ·{' '}
        {account.active ? 'aktif' : 'nonaktif'} · masuk terakhir{' '}
        {account.lastLoginAt
          ? formatJakartaDateTime(new Date(account.lastLoginAt))
          : 'belum pernah'}
      </p>
      {self ? null : (
        <form method="post" action={`/petugas/akun/${account.id}/aktif/`} class="inline-form">
          <CsrfField signed={signed} />
          <input type="hidden" name="aktif" value={account.active ? '0' : '1'} />
          <button type="submit" class="secondary">
            {account.active ? `Nonaktifkan ${account.name}` : `Aktifkan ${account.name}`}
          </button>
        </form>
      )}
      <details open={error !== undefined}>
        <summary>Atur ulang kata sandi {account.name}</summary>
        <form
          method="post"
          action={`/petugas/akun/${account.id}/kata-sandi/`}
          class="form compact"
          novalidate
        >
          <CsrfField signed={signed} />
          <div class={error ? 'field field-error' : 'field'}>
            <label for={id}>Kata sandi baru</label>
            <p class="hint" id={`${id}-hint`}>
              Paling sedikit 12 karakter. Semua sesi {account.name} berakhir; sampaikan kata
              sandinya secara langsung.
            </p>
            {error ? (
              <p class="error-message" id={`${id}-error`}>
                <span class="visually-hidden">Kesalahan: </span>
                {error}
              </p>
            ) : null}
            <input
              id={id}
              name="password"
              type="password"
              autocomplete="new-password"
              maxLength={200}
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <button type="submit" class="secondary">
            Simpan kata sandi baru
          </button>
        </form>
      </details>
    </li>
  );
}

/** Admins manage the officers' accounts; every change is in the audit log. */
export function AccountsPage({
  look,
  signed,
  accounts,
  values = {},
  errors = {},
  resetError,
  notice,
}: Props) {
  const failed = Object.keys(errors).length > 0 || resetError !== undefined;
  return (
    <WorkspaceShell
      title={failed ? 'Kesalahan: Akun petugas' : 'Akun petugas'}
      look={look}
      signed={signed}
      section="akun"
    >
      <h1>Akun petugas</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary errors={errors} fieldId={(name) => `akun-${name}`} attempt={0} />
      <ul class="accounts">
        {accounts.map((account) => (
          <AccountRow account={account} signed={signed} resetError={resetError} key={account.id} />
        ))}
      </ul>
      <section aria-labelledby="tambah">
        <h2 id="tambah">Tambah petugas</h2>
        <form method="post" action="/petugas/akun/" class="form narrow" novalidate>
          <CsrfField signed={signed} />
          <TextField
            name="name"
            label="Nama"
            value={values.name ?? ''}
            error={errors.name}
            maxLength={100}
            autocomplete="off"
            onValue={ignore}
            idPrefix="akun"
          />
          <TextField
            name="email"
            label="Email"
            type="email"
            value={values.email ?? ''}
            error={errors.email}
            maxLength={254}
            autocomplete="off"
            inputMode="email"
            onValue={ignore}
            idPrefix="akun"
          />
          <Radios
            name="role"
            label="Peran"
            value={values.role ?? 'petugas'}
            error={errors.role}
            options={[
              { value: 'petugas', label: ROLE_LABELS.petugas },
              { value: 'admin', label: ROLE_LABELS.admin },
            ]}
            onValue={ignore}
            idPrefix="akun"
          />
          <div class={errors.password ? 'field field-error' : 'field'}>
            <label for="akun-password">Kata sandi awal</label>
            <p class="hint" id="akun-password-hint">
              Paling sedikit 12 karakter, bukan kata sandi yang umum. Sampaikan secara langsung.
            </p>
            {errors.password ? (
              <p class="error-message" id="akun-password-error">
                <span class="visually-hidden">Kesalahan: </span>
                {errors.password}
              </p>
            ) : null}
            <input
              id="akun-password"
              name="password"
              type="password"
              autocomplete="new-password"
              maxLength={200}
              aria-describedby={
                errors.password ? 'akun-password-hint akun-password-error' : 'akun-password-hint'
              }
              aria-invalid={errors.password ? 'true' : undefined}
            />
          </div>
          <div class="actions">
            <button type="submit">Tambah petugas</button>
          </div>
        </form>
      </section>
    </WorkspaceShell>
  );
}

export const renderAccountsPage = (props: Props) => renderPage(<AccountsPage {...props} />);
