import { useEffect, useState } from 'preact/hooks';
import {
  CHANNEL_LABELS,
  CHANNELS,
  CONSULTATION_LABELS as LABELS,
  CONSULTATION_LIMITS as LIMITS,
  consultationSchema,
  QUESTION_PARAMETER,
  RELATED_PARAMETER,
} from '../schemas/consultation.ts';
import { REFERENCE_MAX_LENGTH } from '../schemas/fields.ts';
import { AnswerSuggestions } from './AnswerSuggestions.tsx';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { Carried, Checkbox, fieldId, Honeypot, Radios, TextField } from './form-kit/Fields.tsx';
import { confirmationHref } from './form-kit/confirmation.ts';
import { QueuedNotice } from './form-kit/QueuedNotice.tsx';
import { useForm, type FormProps } from './form-kit/use-form.ts';
import { useSubmission } from './form-kit/use-submission.ts';

interface Props extends FormProps {
  /** Where "Ini menjawab pertanyaan saya" on a suggested answer posts (page feedback). */
  feedbackAction: string;
}

const ID = 'konsultasi';
const EMPTY = {
  name: '',
  email: '',
  phone: '',
  topic: '',
  question: '',
  channel: '',
  consent: '',
  reference: '',
};
/** The question a search carries, and the earlier request a closed one's "new request" names. */
function fromAddress() {
  const query = new URLSearchParams(location.search);
  return {
    question: (query.get(QUESTION_PARAMETER) ?? '').slice(0, LIMITS.question),
    reference: (query.get(RELATED_PARAMETER) ?? '').slice(0, REFERENCE_MAX_LENGTH),
  };
}

/**
 * The consultation request. Without JavaScript it is a plain form the endpoint answers with
 * a redirect or an error page; with it, answers are checked on submit, matching FAQ answers
 * are suggested while the question is typed, and a check-your-answers step comes before
 * sending.
 */
export function ConsultationForm({
  action,
  confirmation,
  feedbackAction,
  values: sent,
  errors: refused,
}: Props) {
  const form = useForm({
    schema: consultationSchema,
    fields: EMPTY,
    draftKey: 'draf:konsultasi',
    prefill: fromAddress,
    values: sent,
    errors: refused,
  });
  const [step, setStep] = useState<'fill' | 'check'>('fill');
  const submission = useSubmission({
    form,
    url: action,
    kind: 'konsultasi',
    onAccepted: (accepted) => location.assign(confirmationHref(confirmation ?? '', accepted)),
    onRefused: () => setStep('fill'),
  });
  const { values, errors } = form;
  const field = { idPrefix: ID, onValue: form.setValue };

  useEffect(() => {
    if (step === 'check') document.getElementById('periksa-judul')?.focus();
  }, [step]);

  function onSubmit(event: Event) {
    event.preventDefault();
    if (step === 'fill') {
      if (form.validate()) setStep('check');
      return;
    }
    void send();
  }

  async function send() {
    if (!form.validate()) {
      setStep('fill');
      return;
    }
    await submission.send();
  }

  function change(name: string) {
    setStep('fill');
    requestAnimationFrame(() => document.getElementById(fieldId(ID, name))?.focus());
  }

  const answers: [string, string, string][] = [
    ['name', LABELS.name, values.name],
    ['email', LABELS.email, values.email],
    ['phone', LABELS.phone, values.phone || 'Tidak diisi'],
    ['topic', LABELS.topic, values.topic],
    ['question', LABELS.question, values.question],
    [
      'channel',
      LABELS.channel,
      CHANNEL_LABELS[values.channel as keyof typeof CHANNEL_LABELS] ?? '',
    ],
    ...(values.reference
      ? [['reference', LABELS.reference, values.reference] as [string, string, string]]
      : []),
  ];

  if (submission.queued) {
    return (
      <QueuedNotice
        queued={submission.queued}
        what="Permintaan konsultasi"
        onSent={submission.sentLater}
      />
    );
  }

  return (
    <form method="post" action={action} novalidate onSubmit={onSubmit} class="form">
      <ErrorSummary errors={errors} attempt={form.attempt} fieldId={(name) => fieldId(ID, name)} />
      <div hidden={step === 'check'}>
        <TextField
          {...field}
          name="name"
          label={LABELS.name}
          value={values.name}
          error={errors.name}
          maxLength={LIMITS.name}
          required
          autocomplete="name"
        />
        <TextField
          {...field}
          name="email"
          type="email"
          label={LABELS.email}
          value={values.email}
          error={errors.email}
          maxLength={LIMITS.email}
          required
          autocomplete="email"
          inputMode="email"
          hint="Nomor permintaan dan balasan petugas dikirim ke alamat ini."
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
          hint="Untuk dihubungi lewat WhatsApp bila perlu."
        />
        <TextField
          {...field}
          name="topic"
          label={LABELS.topic}
          value={values.topic}
          error={errors.topic}
          maxLength={LIMITS.topic}
          required
          hint="Contoh: data kemiskinan per kecamatan, cara membaca tabel inflasi."
        />
        <TextField
          {...field}
          name="question"
          label={LABELS.question}
          value={values.question}
          error={errors.question}
          maxLength={LIMITS.question}
          required
          rows={6}
          prefill={QUESTION_PARAMETER}
          hint="Tuliskan data apa yang Anda cari, untuk wilayah dan tahun berapa, dan untuk keperluan apa."
        />
        <AnswerSuggestions
          text={`${values.topic} ${values.question}`}
          feedbackUrl={feedbackAction}
        />
        <Radios
          {...field}
          name="channel"
          label={LABELS.channel}
          value={values.channel}
          error={errors.channel}
          required
          options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
        />
        <TextField
          {...field}
          name="reference"
          label={LABELS.reference}
          value={values.reference}
          error={errors.reference}
          maxLength={REFERENCE_MAX_LENGTH}
          prefill={RELATED_PARAMETER}
          hint="Isi jika lanjutan dari permintaan Anda sebelumnya."
        />
        <Checkbox
          {...field}
          name="consent"
          label={LABELS.consent}
          value={values.consent}
          error={errors.consent}
          checkedValue="ya"
          required
          hint={
            <>
              Data Anda hanya dipakai untuk menjawab konsultasi ini. Baca{' '}
              <a href="/privasi/">kebijakan privasi</a>.
            </>
          }
        />
        <Honeypot />
        <Carried values={form.carried} />
      </div>
      {step === 'check' ? (
        <section aria-labelledby="periksa-judul" class="check-answers">
          <h2 id="periksa-judul" tabindex={-1}>
            Periksa jawaban Anda
          </h2>
          <dl>
            {answers.map(([name, label, answer]) => (
              <div class="check-row" key={name}>
                <dt>{label}</dt>
                <dd class="check-answer">{answer}</dd>
                <dd>
                  <button type="button" class="link-button" onClick={() => change(name)}>
                    Ubah<span class="visually-hidden"> {label.toLowerCase()}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <div class="actions">
        <button type="submit" disabled={submission.sending}>
          {/* Without JavaScript the first button press sends the form. */}
          {step === 'check' || !form.ready
            ? submission.sending
              ? 'Mengirim…'
              : 'Kirim permintaan'
            : 'Lanjutkan'}
        </button>
      </div>
    </form>
  );
}
