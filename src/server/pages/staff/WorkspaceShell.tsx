import type { ComponentChildren } from 'preact';
import type { PageLook } from '../PageShell.tsx';
import type { StaffAccount } from '../../storage/store.ts';

export type Section = 'kotak-masuk' | 'loket' | 'laporan' | 'akun' | 'perangkat' | 'kata-sandi';

/** Who is signed in, as every workspace page needs it: the name, the role, the form token. */
export interface Signed {
  officer: StaffAccount;
  csrf: string;
}

interface Props {
  title: string;
  look: PageLook;
  /** null on the login page. */
  signed: Signed | null;
  section?: Section;
  children: ComponentChildren;
}

const SECTIONS: readonly { id: Section; href: string; label: string; adminOnly: boolean }[] = [
  { id: 'kotak-masuk', href: '/petugas/', label: 'Kotak masuk', adminOnly: false },
  { id: 'loket', href: '/petugas/loket/', label: 'Loket', adminOnly: false },
  { id: 'laporan', href: '/petugas/laporan/', label: 'Laporan', adminOnly: false },
  { id: 'akun', href: '/petugas/akun/', label: 'Akun petugas', adminOnly: true },
  { id: 'perangkat', href: '/petugas/perangkat/', label: 'Perangkat kiosk', adminOnly: true },
  { id: 'kata-sandi', href: '/petugas/kata-sandi/', label: 'Kata sandi', adminOnly: false },
];

/** The session's token in a form: every state-changing post of the workspace carries it. */
export function CsrfField({ signed }: { signed: Signed }) {
  return <input type="hidden" name="csrf" value={signed.csrf} />;
}

/**
 * The page around every workspace screen: the site's stylesheets plus the workspace's own,
 * a navigation of its sections and the logout. One small script enhances it (template insert,
 * confirm before erasure); every screen works without it. Never indexed.
 */
export function WorkspaceShell({ title, look, signed, section, children }: Props) {
  const { office } = look;
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – Petugas ${office.shortName}`}</title>
        {look.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        <link rel="stylesheet" href="/petugas/gaya.css" />
        <script type="module" src="/petugas/skrip.js" />
      </head>
      <body class="workspace">
        <a class="skip-link" href="#konten">
          Langsung ke isi halaman
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/petugas/">
              {office.shortName} · Petugas
            </a>
            {signed ? (
              <nav class="site-nav" aria-label="Ruang kerja petugas">
                <ul>
                  {SECTIONS.filter((s) => !s.adminOnly || signed.officer.role === 'admin').map(
                    (s) => (
                      <li key={s.id}>
                        <a href={s.href} aria-current={s.id === section ? 'page' : undefined}>
                          {s.label}
                        </a>
                      </li>
                    ),
                  )}
                  <li>
                    <form method="post" action="/petugas/keluar/" class="inline-form">
                      <CsrfField signed={signed} />
                      <button type="submit" class="link-button">
                        Keluar
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            ) : null}
          </div>
        </header>
        <main id="konten" tabindex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {signed
                ? `Masuk sebagai ${signed.officer.name} (${signed.officer.role === 'admin' ? 'admin' : 'petugas'}).`
                : `Ruang kerja petugas ${office.name}.`}{' '}
              <a href="/">Situs layanan</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A message about the last action, read out by screen readers when the page loads. */
export function Notice({
  children,
  kind = 'ok',
}: {
  children: ComponentChildren;
  kind?: 'ok' | 'warning';
}) {
  return (
    <div class={kind === 'ok' ? 'notice notice-ok' : 'notice notice-warning'} role="status">
      {children}
    </div>
  );
}
