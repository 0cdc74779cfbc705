import {
  CATEGORIES,
  CATEGORY_LABELS,
  COMPLAINT_LABELS as LABELS,
  COMPLAINT_LIMITS as LIMITS,
  complaintSchema,
  IDENTITIES,
  IDENTITY_LABELS,
} from '../schemas/complaint.ts';
import * as v from 'valibot';
import { REFERENCE_MAX_LENGTH } from '../schemas/fields.ts';
import { fieldErrors, MESSAGES_ID } from '../schemas/messages.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { Carried, Checkbox, fieldId, Honeypot, Radios, TextField } from './form-kit/Fields.tsx';
import { confirmationHref } from './form-kit/confirmation.ts';
import { QueuedNotice } from './form-kit/QueuedNotice.tsx';
import { useForm, type FormProps } from './form-kit/use-form.ts';
import { useSubmission } from './form-kit/use-submission.ts';

const ID = 'pengaduan';
const EMPTY = {
  category: '',
  description: '',
  reference: '',
  identity: '',
  name: '',
  email: '',
  phone: '',
  consent: '',
};

const IDENTITY_HINTS: Record<(typeof IDENTITIES)[number], string> = {
  terbuka: 'Petugas yang menangani tahu siapa Anda dan dapat menghubungi Anda.',
  rahasia:
    'Petugas melihat pengaduan Anda bertanda rahasia. Nama dan kontak Anda hanya dipakai untuk membalas Anda.',
  anonim:
    'Kami tidak menyimpan nama atau kontak. Simpan nomor permintaan untuk mengecek tindak lanjutnya.',
};

/** The complaint form; contact fields only for an open or confidential complaint. */
export function ComplaintForm({ action, confirmation, values: sent, errors: refused }: FormProps) {
  const form = useForm({
    schema: complaintSchema,
    fields: EMPTY,
    draftKey: 'draf:pengaduan',
    values: sent,
    errors: refused,
  });
  const submission = useSubmission({
    form,
    url: action,
    kind: 'pengaduan',
    onAccepted: (accepted) => location.assign(confirmationHref(confirmation ?? '', accepted)),
  });
  const { values, errors } = form;
  const field = { idPrefix: ID, onValue: form.setValue };
  // Without JavaScript every field shows; the endpoint ignores contact data of an anonymous complaint.
  const anonymous = form.ready && values.identity === 'anonim';

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (form.validate()) {
      await submission.send();
      return;
    }
    // Without an identity the schema stops at it; list the other answers' problems too, as
    // for an anonymous complaint (the contact fields are asked for once the identity is known).
    if (!values.identity) {
      const rest = v.safeParse(complaintSchema, { ...values, identity: 'anonim' });
      if (!rest.success)
        form.showErrors({
          ...fieldErrors(rest.issues, MESSAGES_ID),
          identity: MESSAGES_ID['identity.required'],
        });
    }
  }

  if (submission.queued) {
    return (
      <QueuedNotice queued={submission.queued} what="Pengaduan" onSent={submission.sentLater} />
    );
  }

  return (
    <form method="post" action={action} novalidate onSubmit={onSubmit} class="form">
      <ErrorSummary errors={errors} attempt={form.attempt} fieldId={(name) => fieldId(ID, name)} />
      <Radios
        {...field}
        name="category"
        label={LABELS.category}
        value={values.category}
        error={errors.category}
        required
        options={CATEGORIES.map((category) => ({
          value: category,
          label: CATEGORY_LABELS[category],
        }))}
      />
      <TextField
        {...field}
        name="description"
        label={LABELS.description}
        value={values.description}
        error={errors.description}
        maxLength={LIMITS.description}
        required
        rows={6}
        hint="Ceritakan apa yang terjadi, kapan, dan apa yang Anda harapkan."
      />
      <TextField
        {...field}
        name="reference"
        label={LABELS.reference}
        value={values.reference}
        error={errors.reference}
        maxLength={REFERENCE_MAX_LENGTH}
        hint="Contoh: KS-2611-7K3QX9, atau nomor permintaan Anda di pst.bps.go.id."
      />
      <Radios
        {...field}
        name="identity"
        label={LABELS.identity}
        value={values.identity}
        error={errors.identity}
        required
        options={IDENTITIES.map((identity) => ({
          value: identity,
          label: IDENTITY_LABELS[identity],
          hint: IDENTITY_HINTS[identity],
        }))}
      />
      <div hidden={anonymous}>
        <TextField
          {...field}
          name="name"
          label={LABELS.name}
          value={values.name}
          error={errors.name}
          maxLength={LIMITS.name}
          autocomplete="name"
          hint="Tidak perlu diisi untuk pengaduan anonim."
        />
        <TextField
          {...field}
          name="email"
          type="email"
          label={LABELS.email}
          value={values.email}
          error={errors.email}
          maxLength={LIMITS.email}
          autocomplete="email"
          inputMode="email"
          hint="Tindak lanjut pengaduan dikirim ke alamat ini."
        />
        <TextField
          {...field}
          name="phone"
          type="tel"
          label={LABELS.phone}
          value={values.phone}
          error={errors.phone}
          maxLength={LIMITS.phone}
          autocomplete="tel"
          inputMode="tel"
        />
        <Checkbox
          {...field}
          name="consent"
          label={LABELS.consent}
          value={values.consent}
          error={errors.consent}
          checkedValue="ya"
          hint={
            <>
              Tidak perlu untuk pengaduan anonim. Baca <a href="/privasi/">kebijakan privasi</a>.
            </>
          }
        />
      </div>
      <Honeypot />
      <Carried values={form.carried} />
      <div class="actions">
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? 'Mengirim…' : 'Kirim pengaduan'}
        </button>
      </div>
    </form>
  );
}
