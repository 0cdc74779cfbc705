import { useEffect, useState } from 'preact/hooks';
import { REFERENCE_MAX_LENGTH, CONTACT_LIMITS } from '../schemas/fields.ts';
import {
  STATUS_LABELS as LABELS,
  statusQuerySchema,
  type StatusAnswer,
} from '../schemas/status.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { fieldId, TextField } from './form-kit/Fields.tsx';
import { sendJson } from './form-kit/send.ts';
import { useForm, type FormProps } from './form-kit/use-form.ts';
import { StatusResult } from './StatusResult.tsx';

interface Props extends FormProps {
  /** The request found, when the endpoint draws the page for a plain post. */
  answer?: StatusAnswer;
}

const ID = 'status';

/** "Cek status": reference and email → status, due date, replies; a rating link once closed. */
export function StatusLookup({ action, values: sent, errors: refused, answer: found }: Props) {
  const form = useForm({
    schema: statusQuerySchema,
    fields: { reference: '', email: '' },
    draftKey: 'draf:status',
    values: sent,
    errors: refused,
  });
  const [answer, setAnswer] = useState<StatusAnswer | null>(found ?? null);
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
      {answer ? <StatusResult answer={answer} /> : null}
    </>
  );
}
