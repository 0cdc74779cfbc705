import { ErrorSummary } from '../../../islands/form-kit/ErrorSummary.tsx';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { CsrfField, Notice, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  signed: Signed;
  errors?: Record<string, string>;
  notice?: string;
}

const FIELDS = [
  { name: 'current', label: 'Kata sandi sekarang', autocomplete: 'current-password', hint: null },
  {
    name: 'password',
    label: 'Kata sandi baru',
    autocomplete: 'new-password',
    hint: 'Paling sedikit 12 karakter, bukan kata sandi yang umum. Beberapa kata yang tidak berhubungan mudah diingat dan sulit ditebak.',
  },
  { name: 'repeat', label: 'Ulangi kata sandi baru', autocomplete: 'new-password', hint: null },
] as const;

/** Every officer changes their own password here; other sessions of theirs end. */
export function PasswordPage({ look, signed, errors = {}, notice }: Props) {
  const failed = Object.keys(errors).length > 0;
  return (
    <WorkspaceShell
      title={failed ? 'Kesalahan: Ganti kata sandi' : 'Ganti kata sandi'}
      look={look}
      signed={signed}
      section="kata-sandi"
    >
      <h1>Ganti kata sandi</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary errors={errors} fieldId={(name) => `sandi-${name}`} attempt={0} />
      <form method="post" action="/petugas/kata-sandi/" class="form narrow" novalidate>
        <CsrfField signed={signed} />
        <input type="hidden" name="username" value={signed.officer.email} autocomplete="username" />
        {FIELDS.map((field) => {
          const id = `sandi-${field.name}`;
          const error = errors[field.name];
          const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div class={error ? 'field field-error' : 'field'} key={field.name}>
              <label for={id}>{field.label}</label>
              {field.hint ? (
                <p class="hint" id={`${id}-hint`}>
                  {field.hint}
                </p>
              ) : null}
              {error ? (
                <p class="error-message" id={`${id}-error`}>
                  <span class="visually-hidden">Kesalahan: </span>
                  {error}
                </p>
              ) : null}
              <input
                id={id}
                name={field.name}
                type="password"
                autocomplete={field.autocomplete}
                maxLength={200}
                aria-describedby={described || undefined}
                aria-invalid={error ? 'true' : undefined}
              />
            </div>
          );
        })}
        <div class="actions">
          <button type="submit">Simpan kata sandi</button>
        </div>
      </form>
    </WorkspaceShell>
  );
}

export const renderPasswordPage = (props: Props) => renderPage(<PasswordPage {...props} />);
