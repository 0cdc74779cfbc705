import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatJakartaDateTime } from '../lib/working-days.ts';
import { REFERENCE_MAX_LENGTH, CONTACT_LIMITS } from '../schemas/fields.ts';
import { STATUS_LABELS as LABELS, statusQuerySchema } from '../schemas/status.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { fieldId, TextField } from './form-kit/Fields.tsx';
import { sendJson } from './form-kit/send.ts';
import { useForm } from './form-kit/use-form.ts';

interface Props {
  /** POST /api/status on the endpoint. */
  action: string;
}

interface StatusAnswer {
  reference: string;
  kind: 'konsultasi' | 'pengaduan';
  status: string;
  statusLabel: string;
  dueDate: string;
  history: { at: string; statusLabel: string; reply: string | null }[];
}

const ID = 'status';

/** "Cek status": reference and email → status, due date, replies; a rating link once closed. */
export function StatusLookup({ action }: Props) {
  const form = useForm({
    schema: statusQuerySchema,
    initial: { reference: '', email: '' },
    draftKey: 'draf:status',
  });
  const [answer, setAnswer] = useState<StatusAnswer | null>(null);
  const { values, errors } = form;
  const field = { idPrefix: ID, onValue: form.setValue };

  // Mails and confirmation pages link to /status/?ref=…
  useEffect(() => {
    const reference = new URLSearchParams(location.search).get('ref');
    if (reference) form.setValue('reference', reference.slice(0, REFERENCE_MAX_LENGTH));
  }, []);

  useEffect(() => {
    if (answer) document.getElementById('hasil-status')?.focus();
  }, [answer]);

  async function onSubmit(event: Event) {
    event.preventDefault();
    setAnswer(null);
    if (!form.validate()) return;
    const result = await sendJson<StatusAnswer>(action, form.payload());
    if (result.kind === 'ok') setAnswer(result.body);
    else if (result.kind === 'invalid') form.showErrors(result.errors);
    else
      form.showErrors({
        form: 'Status belum dapat dicek karena tidak ada koneksi ke server. Coba lagi nanti.',
      });
  }

  return (
    <>
      <form method="post" action={action} novalidate onSubmit={onSubmit} class="form">
        <ErrorSummary
          errors={errors}
          attempt={form.attempt}
          fieldId={(name) => fieldId(ID, name)}
        />
        <TextField
          {...field}
          name="reference"
          label={LABELS.reference}
          value={values.reference}
          error={errors.reference}
          maxLength={REFERENCE_MAX_LENGTH}
          required
          hint="Ada di halaman konfirmasi dan di email dari kami. Contoh: KS-2611-7K3QX9."
        />
        <TextField
          {...field}
          name="email"
          type="email"
          label={LABELS.email}
          value={values.email}
          error={errors.email}
          maxLength={CONTACT_LIMITS.email}
          autocomplete="email"
          inputMode="email"
        />
        <div class="actions">
          <button type="submit">Cek status</button>
        </div>
      </form>
      {answer ? (
        <section class="status-result" aria-labelledby="hasil-status">
          <h2 id="hasil-status" tabindex={-1}>
            {answer.reference}: {answer.statusLabel}
          </h2>
          <dl class="facts">
            <dt>Jenis</dt>
            <dd>{answer.kind === 'konsultasi' ? 'Konsultasi statistik' : 'Pengaduan'}</dd>
            {answer.kind === 'konsultasi' ? (
              <>
                <dt>Dilayani paling lambat</dt>
                <dd>{formatDate(answer.dueDate)} (jika permintaan sudah jelas dan lengkap)</dd>
              </>
            ) : null}
          </dl>
          <h3>Riwayat</h3>
          <ol class="history">
            {answer.history.map((entry) => (
              <li key={entry.at} class={entry.reply ? 'reply' : undefined}>
                <time dateTime={entry.at}>{formatJakartaDateTime(new Date(entry.at))}</time>
                {entry.reply ? (
                  <>
                    <strong>Balasan petugas:</strong>
                    <p class="check-answer">{entry.reply}</p>
                  </>
                ) : (
                  <span>{entry.statusLabel}</span>
                )}
              </li>
            ))}
          </ol>
          {answer.status === 'selesai' && answer.kind === 'konsultasi' ? (
            <p>
              <a class="button" href={`/penilaian/?ref=${encodeURIComponent(answer.reference)}`}>
                Beri penilaian layanan
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
