import { FORMS } from '../../../lib/forms.ts';
import type { Visit } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { QrCode } from './QrCode.tsx';
import { WalkInShell } from './WalkInShell.tsx';

/** How long the kiosk shows a ticket before the next visitor gets an empty form. */
export const KIOSK_TICKET_SECONDS = 20;

interface Props {
  look: PageLook;
  visit: Visit;
  serviceName: string;
  deskName: string | null;
  ahead: number;
  /** The ticket's address on this endpoint, for the QR code and the short link. */
  ticketUrl: string;
  /** On the kiosk: back to an empty form after 20 s. */
  kiosk?: boolean;
}

function status({ visit, deskName, ahead }: Pick<Props, 'visit' | 'deskName' | 'ahead'>) {
  switch (visit.state) {
    case 'menunggu':
      return ahead === 0
        ? 'Anda berikutnya. Perhatikan layar antrean.'
        : `${ahead} orang lagi sebelum Anda.`;
    case 'dipanggil':
      return `Giliran Anda! Silakan ke ${deskName ?? 'meja layanan'}.`;
    case 'dilayani':
      return `Sedang dilayani di ${deskName ?? 'meja layanan'}.`;
    case 'selesai':
      return 'Layanan selesai. Terima kasih atas kunjungan Anda.';
    case 'tidak_hadir':
      return 'Nomor ini sudah dilewati karena tidak hadir saat dipanggil. Silakan ambil nomor baru di meja depan.';
  }
}

/**
 * The visitor's ticket, on the kiosk after check-in and on their phone (from the QR code):
 * the number, the people ahead, and once served the rating link. The phone's copy follows
 * the queue live (the stream; without JavaScript, a reload every 30 s).
 */
export function TicketPage(props: Props) {
  const { look, visit, serviceName, ticketUrl, kiosk } = props;
  const shortLink = ticketUrl.replace(/^https?:\/\//, '');
  const done = visit.state === 'selesai';
  return (
    <WalkInShell
      title={`Nomor antrean ${visit.number}`}
      look={look}
      kind="ticket"
      script={kiosk ? '/antrean/loket.js' : done ? undefined : '/antrean/tiket.js'}
      refreshSeconds={kiosk ? KIOSK_TICKET_SECONDS : done ? undefined : 30}
      refreshTo={kiosk ? '/loket/' : undefined}
    >
      <div class="ticket" data-ticket={visit.ticketId}>
        <p class="ticket-label">Nomor antrean Anda</p>
        <h1 class="ticket-number">{visit.number}</h1>
        <p class="ticket-service">{serviceName}</p>
        <p class="ticket-status" role="status" aria-live="polite">
          {status(props)}
        </p>
        {done ? (
          <p class="ticket-rating">
            <a
              class="button"
              href={`${FORMS.penilaian.page}?ref=${encodeURIComponent(visit.reference)}`}
            >
              Beri penilaian layanan
            </a>
            <br />
            Nomor kunjungan: <strong>{visit.reference}</strong>
          </p>
        ) : (
          <div class="ticket-follow">
            <QrCode value={ticketUrl} label={`Kode QR ke ${shortLink}`} />
            <p>
              Pindai kode ini untuk mengikuti antrean di HP Anda, atau buka{' '}
              <a href={ticketUrl}>{shortLink}</a>
            </p>
          </div>
        )}
        {kiosk ? (
          <p class="ticket-back">
            Layar ini kembali ke buku tamu dalam{' '}
            <span data-kiosk-return={KIOSK_TICKET_SECONDS}>{KIOSK_TICKET_SECONDS}</span> detik.{' '}
            <button type="button" class="secondary" data-kiosk-more hidden>
              Tambah waktu
            </button>{' '}
            <a class="button" href="/loket/">
              Selesai
            </a>
          </p>
        ) : null}
      </div>
    </WalkInShell>
  );
}

export const renderTicketPage = (props: Props) => renderPage(<TicketPage {...props} />);
