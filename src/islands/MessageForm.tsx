import {
  MESSAGE_LABELS,
  MESSAGE_LIMITS,
  typedMessageSchema,
  type Credentials,
} from '../schemas/message.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { Carried, fieldId, Honeypot, TextField } from './form-kit/Fields.tsx';
import { sendJson } from './form-kit/send.ts';
import { useForm, type FormProps } from './form-kit/use-form.ts';

interface Props extends FormProps {
  /** The request and how the citizen opened it (email or the personal link's key). */
  credentials: Credentials;
  /** After the endpoint took the message (island only): read the conversation again. */
  onSent?: () => void;
  /** A closed request's way on: a new consultation naming this one. */
  followUp?: string;
}

const ID = 'pesan';

function CredentialFields({ credentials }: { credentials: Credentials }) {
  return (
    <>
      <input type="hidden" name="reference" value={credentials.reference} />
      {credentials.kunci ? <input type="hidden" name="kunci" value={credentials.kunci} /> : null}
      {credentials.email ? <input type="hidden" name="email" value={credentials.email} /> : null}
    </>
  );
}

export { CredentialFields };

/**
 * The citizen's reply on /status/ (POST /api/messages): JSON from the island, a plain post
 * without JavaScript (answered with the status page again). What was typed stays on error.
 */
export function MessageForm({
  action,
  values: sent,
  errors: refused,
  credentials,
  onSent,
  followUp,
}: Props) {
  const form = useForm({
    schema: typedMessageSchema,
    fields: { message: '' },
    draftKey: `draf:pesan:${credentials.reference}`,
    values: sent,
    errors: refused,
  });
  const { values, errors } = form;

  async function onSubmit(event: Event) {
    event.preventDefault();
    const valid = form.validate();
    if (!valid) return;
    const result = await sendJson(
      action,
      { ...credentials, ...form.payload() },
      form.idempotencyKey(),
    );
    if (result.kind === 'ok') {
      form.clearDraft();
      form.setValue('message', '');
      onSent?.();
    } else if (result.kind === 'invalid') form.showErrors(result.errors);
    else
      form.showErrors({
        form: 'Pesan belum terkirim karena tidak ada koneksi ke server. Pesan Anda tetap ada; kirim lagi nanti.',
      });
  }

  return (
    <form method="post" action={action} novalidate onSubmit={onSubmit} class="form" id="balas">
      <ErrorSummary errors={errors} attempt={form.attempt} fieldId={(name) => fieldId(ID, name)} />
      {followUp ? (
        <p>
          <a href={followUp}>Ajukan permintaan baru</a>
        </p>
      ) : null}
      <CredentialFields credentials={credentials} />
      <Carried values={form.carried} />
      <Honeypot id="pesan-website" />
      <TextField
        idPrefix={ID}
        onValue={form.setValue}
        name="message"
        label={MESSAGE_LABELS.message}
        value={values.message}
        error={errors.message}
        maxLength={MESSAGE_LIMITS.message}
        rows={5}
        hint="Petugas membaca pesan Anda di sini dan membalas lewat email."
      />
      <div class="actions">
        <button type="submit">Kirim pesan</button>
      </div>
    </form>
  );
}
