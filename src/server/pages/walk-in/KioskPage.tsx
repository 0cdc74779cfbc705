import type { LoketService } from '../../../content-schemas/loket.ts';
import { GuestBookForm } from '../../../islands/GuestBookForm.tsx';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { WalkInShell } from './WalkInShell.tsx';

export const KIOSK_ACTION = '/loket/';

interface FormProps {
  look: PageLook;
  services: readonly LoketService[];
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
}

/** The guest book at the Front Office: fill in, take a number. */
export function KioskPage({ look, services, values, errors = {} }: FormProps) {
  const failed = Object.keys(errors).length > 0;
  return (
    <WalkInShell title={failed ? 'Kesalahan: Buku tamu' : 'Buku tamu'} look={look} kind="kiosk">
      <div class="kiosk-wrap">
        <h1>Selamat datang di {look.office.shortName}</h1>
        <p class="lead">
          Isi buku tamu, lalu ambil nomor antrean. Petugas akan memanggil nomor Anda.
        </p>
        <GuestBookForm
          action={KIOSK_ACTION}
          values={values}
          errors={errors}
          services={services}
          privacyHref="/privasi/"
        />
      </div>
    </WalkInShell>
  );
}

/** What follows a kiosk message: a link, or the pairing confirmation's button. */
export type KioskNext = { link: { href: string; label: string } } | { pairToken: string };

interface MessageProps {
  look: PageLook;
  title: string;
  message: string;
  next?: KioskNext;
}

/** The kiosk's whole-screen messages: closed today, not a paired device, pairing. */
export function KioskMessage({ look, title, message, next }: MessageProps) {
  return (
    <WalkInShell title={title} look={look} kind="kiosk">
      <div class="kiosk-wrap">
        <h1>{title}</h1>
        <p class="lead">{message}</p>
        {next && 'link' in next ? (
          <p>
            <a class="button" href={next.link.href}>
              {next.link.label}
            </a>
          </p>
        ) : null}
        {next && 'pairToken' in next ? (
          <form method="post" action="/loket/pasang/">
            <input type="hidden" name="t" value={next.pairToken} />
            <button type="submit">Pasang perangkat ini</button>
          </form>
        ) : null}
      </div>
    </WalkInShell>
  );
}

export const renderKioskPage = (props: FormProps) => renderPage(<KioskPage {...props} />);
export const renderKioskMessage = (props: MessageProps) => renderPage(<KioskMessage {...props} />);
