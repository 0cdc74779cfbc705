import { useEffect, useState } from 'preact/hooks';
import { formatJakartaDateTime } from '../lib/working-days.ts';
import { hasQueue } from '../browser/offline-queue-db.ts';
import type { QueuedForm, SentForm } from '../browser/offline-queue.ts';
import type { QueuedKind } from '../lib/forms.ts';

/** Forms sent from this device without a connection: waiting ("menunggu koneksi") or sent since. */
export function DeviceQueue({ labels }: { labels: Record<QueuedKind, string> }) {
  const [forms, setForms] = useState<{ waiting: QueuedForm[]; sent: SentForm[] } | null>(null);

  useEffect(() => {
    const load = async () => {
      if (!(await hasQueue())) return;
      const queue = await import('../browser/offline-queue.ts');
      const [waiting, sent] = await Promise.all([queue.waiting(), queue.sent()]);
      setForms({
        waiting,
        sent: sent.filter((form) => form.kind === 'konsultasi' || form.kind === 'pengaduan'),
      });
    };
    void load();
    // The queue is sent from any page when the connection returns; show the outcome here too.
    addEventListener('online', () => setTimeout(load, 2_000));
    const timer = setInterval(load, 5_000);
    return () => clearInterval(timer);
  }, []);

  if (!forms || forms.waiting.length + forms.sent.length === 0) return null;
  return (
    <section aria-labelledby="di-perangkat-ini" class="status-result">
      <h2 id="di-perangkat-ini">Dikirim dari perangkat ini</h2>
      <ul class="history">
        {forms.waiting.map((form) => (
          <li key={form.idempotencyKey}>
            <time dateTime={form.queuedAt}>{formatJakartaDateTime(new Date(form.queuedAt))}</time>
            {labels[form.kind]} <strong>{form.provisionalReference}</strong>: menunggu koneksi
          </li>
        ))}
        {forms.sent.map((form) => (
          <li key={form.idempotencyKey}>
            <time dateTime={form.sentAt}>{formatJakartaDateTime(new Date(form.sentAt))}</time>
            {labels[form.kind]} {form.provisionalReference}:{' '}
            {form.refused === undefined ? (
              <>
                terkirim dengan nomor permintaan <strong>{form.reference}</strong>
              </>
            ) : (
              <>ditolak server ({form.refused})</>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
