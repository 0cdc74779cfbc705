import { ErrorSummary } from '../../../islands/form-kit/ErrorSummary.tsx';
import { TextField } from '../../../islands/form-kit/Fields.tsx';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { WorkspaceShell } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  /** Where to go after logging in (a /petugas/ path). */
  next: string;
  email?: string;
  /** One message about the whole form (wrong password, locked, ended session). */
  error?: string;
  /** A note that is not an error (logged out, session ended). */
  info?: string;
}

const ignore = () => {};

export function LoginPage({ look, next, email = '', error, info }: Props) {
  const errors: Record<string, string> = error ? { form: error } : {};
  return (
    <WorkspaceShell title={error ? 'Kesalahan: Masuk' : 'Masuk'} look={look} signed={null}>
      <h1>Masuk ke ruang kerja petugas</h1>
      {info ? (
        <div class="notice" role="status">
          {info}
        </div>
      ) : null}
      <ErrorSummary errors={errors} fieldId={(name) => `masuk-${name}`} attempt={0} />
      <form method="post" action="/petugas/masuk/" class="form narrow" novalidate>
        <input type="hidden" name="lanjut" value={next} />
        <TextField
          name="email"
          label="Email"
          type="email"
          value={email}
          maxLength={254}
          autocomplete="username"
          inputMode="email"
          required
          onValue={ignore}
          idPrefix="masuk"
        />
        <div class="field">
          <label for="masuk-password">Kata sandi</label>
          <input
            id="masuk-password"
            name="password"
            type="password"
            autocomplete="current-password"
            maxLength={200}
            required
          />
        </div>
        <div class="actions">
          <button type="submit">Masuk</button>
        </div>
      </form>
      <p class="muted">
        Lupa kata sandi atau akun terkunci? Minta admin PST mengatur ulang kata sandi Anda.
      </p>
    </WorkspaceShell>
  );
}

export const renderLoginPage = (props: Props) => renderPage(<LoginPage {...props} />);
