import { useEffect, useState } from 'preact/hooks';
import { REFERENCE_MAX_LENGTH, CONTACT_LIMITS } from '../schemas/fields.ts';
import { credentialsOf, type Credentials } from '../schemas/message.ts';
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
const NO_CONNECTION =
  'Status belum dapat dicek karena tidak ada koneksi ke server. Coba lagi nanti.';

/**
 * "Cek status": reference and email (or the personal link from a mail) → the conversation,
 * with a reply form while the request is open, meetings to choose, and a rating once closed.
 */
export function StatusLookup({ action, values: sent, errors: refused, answer: found }: Props) {
  const form = useForm({
    schema: statusQuerySchema,
    fields: { reference: '', email: '' },
    draftKey: 'draf:status',
    values: sent,
    errors: refused,
  });
  const [answer, setAnswer] = useState<StatusAnswer | null>(found ?? null);
  const [credentials, setCredentials] = useState<Credentials | null>(credentialsOf(sent));
  const { values, errors } = form;
  const field = { idPrefix: ID, onValue: form.setValue };

  async function open(asked: Credentials, focus: boolean) {
    const result = await sendJson<StatusAnswer>(action, asked);
    if (result.kind === 'ok') {
      setCredentials(asked);
      setAnswer(result.body);
      if (focus) requestAnimationFrame(() => document.getElementById('hasil-status')?.focus());
    } else if (result.kind === 'invalid') form.showErrors(result.errors);
    else form.showErrors({ form: NO_CONNECTION });
  }

  // Mails and confirmation pages link to /status/?ref=… (and the personal link adds &kunci=…,
  // which leaves the address bar at once: a shared screen or a screenshot must not carry it).
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    const reference = query.get('ref')?.slice(0, REFERENCE_MAX_LENGTH);
    const kunci = query.get('kunci');
    if (reference) form.setValue('reference', reference);
    if (kunci) {
      query.delete('kunci');
      history.replaceState(null, '', `${location.pathname}?${query}${location.hash}`);
      if (reference) void open({ reference, kunci }, true);
    }
  }, []);

  async function onSubmit(event: Event) {
    event.preventDefault();
    setAnswer(null);
    const valid = form.validate();
    if (!valid) return;
    await open(
      { reference: valid.reference, ...(valid.email ? { email: valid.email } : {}) },
      true,
    );
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
      {answer && credentials ? (
        <StatusResult
          answer={answer}
          credentials={credentials}
          onChanged={() => void open(credentials, false)}
        />
      ) : null}
    </>
  );
}
