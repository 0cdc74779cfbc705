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
        <p class="lead">Isi buku tamu, lalu ambil nomor antrean. Petugas akan memanggil nomor Anda.</p>
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

interface MessageProps {
  look: PageLook;
  title: string;
  message: string;
  /** A form (the pairing confirmation) or a link under the message. */
  children?: preact.ComponentChildren;
}

/** The kiosk's whole-screen messages: closed today, not a paired device, pairing. */
export function KioskMessage({ look, title, message, children }: MessageProps) {
  return (
    <WalkInShell title={title} look={look} kind="kiosk">
      <div class="kiosk-wrap">
        <h1>{title}</h1>
        <p class="lead">{message}</p>
        {children}
      </div>
    </WalkInShell>
  );
}

export const renderKioskPage = (props: FormProps) => renderPage(<KioskPage {...props} />);
export const renderKioskMessage = (props: MessageProps) => renderPage(<KioskMessage {...props} />);
