import { useEffect } from 'preact/hooks';
import type { QueuedForm, SentForm } from '../../browser/offline-queue.ts';

interface Props {
  queued: QueuedForm;
  /** What the form is, for the sentence: "Permintaan konsultasi", "Pengaduan", "Penilaian". */
  what: string;
  /** Called once the endpoint has answered (accepted or refused). */
  onSent: (form: SentForm) => void;
}

const RETRY_MS = 5_000;

/** Says plainly that the form waits on this device, and sends it as soon as it can. */
export function QueuedNotice({ queued, what, onSent }: Props) {
  useEffect(() => {
    let stopped = false;
    const tryNow = async () => {
      if (!navigator.onLine) return;
      const { flush, sent } = await import('../../browser/offline-queue.ts');
      await flush();
      const done = (await sent()).find((form) => form.idempotencyKey === queued.idempotencyKey);
      if (done && !stopped) {
        stopped = true;
        onSent(done);
      }
    };
    addEventListener('online', tryNow);
    const timer = setInterval(tryNow, RETRY_MS);
    return () => {
      stopped = true;
      removeEventListener('online', tryNow);
      clearInterval(timer);
    };
  }, [queued.idempotencyKey]);

  return (
    <div class="notice queued" role="status">
      <h2>{what} tersimpan di perangkat ini</h2>
      <p>
        Saat ini tidak ada koneksi ke server. {what} Anda sudah disimpan di perangkat ini dan akan{' '}
        <strong>dikirim otomatis</strong> saat koneksi kembali, juga jika Anda membuka halaman lain
        dari situs ini. Jangan hapus data situs di browser sampai terkirim.
      </p>
      <p>
        Kode penyimpanan: <strong class="reference">{queued.provisionalReference}</strong>
      </p>
      <p>
        Nomor permintaan Anda muncul di sini setelah terkirim. Anda juga dapat melihatnya di halaman{' '}
        <a href="/status/">cek status</a>.
      </p>
    </div>
  );
}
