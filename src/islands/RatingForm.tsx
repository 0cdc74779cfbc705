import { useEffect } from 'preact/hooks';
import { IKM_ELEMENTS } from '../lib/ikm.ts';
import { REFERENCE_MAX_LENGTH } from '../schemas/fields.ts';
import {
  ANSWER_FIELDS,
  RATING_LABELS as LABELS,
  RATING_LIMITS as LIMITS,
  RATING_QUESTIONS,
  ratingSchema,
} from '../schemas/rating.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { Carried, fieldId, Honeypot, Radios, TextField } from './form-kit/Fields.tsx';
import { QueuedNotice } from './form-kit/QueuedNotice.tsx';
import { useForm, type FormProps } from './form-kit/use-form.ts';
import { useSubmission } from './form-kit/use-submission.ts';

const ID = 'penilaian';
const EMPTY = Object.fromEntries([
  ['reference', ''],
  ['kunci', ''],
  ...ANSWER_FIELDS.map((name) => [name, '']),
  ['comment', ''],
]);

/** The IKM survey: nine elements (PermenPANRB 14/2017), each answered 1–4. */
export function RatingForm({ action, confirmation, values: sent, errors: refused }: FormProps) {
  const form = useForm({
    schema: ratingSchema,
    fields: EMPTY,
    draftKey: 'draf:penilaian',
    values: sent,
    errors: refused,
  });
  const submission = useSubmission({
    form,
    url: action,
    kind: 'penilaian',
    onAccepted: () => location.assign(confirmation ?? ''),
  });
  const { values, errors } = form;
  const field = { idPrefix: ID, onValue: form.setValue };

  // Linked from a confirmation or a closed request's status as /penilaian/?ref=…, and from
  // the rating invitation with the personal key, which leaves the address bar at once.
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    const reference = query.get('ref');
    const kunci = query.get('kunci');
    if (reference) form.setValue('reference', reference.slice(0, REFERENCE_MAX_LENGTH));
    if (kunci) {
      form.setValue('kunci', kunci.slice(0, 64));
      query.delete('kunci');
      history.replaceState(null, '', `${location.pathname}?${query}`);
    }
  }, []);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!form.validate()) return;
    await submission.send();
  }

  // Nine identical "choose 1 to 4" links would not say which question each is for.
  const summary = Object.fromEntries(
    Object.entries(errors).map(([name, message]) => {
      const index = ANSWER_FIELDS.indexOf(name as (typeof ANSWER_FIELDS)[number]);
      return [name, index < 0 ? message : `${index + 1}. ${IKM_ELEMENTS[index].name}: ${message}`];
    }),
  );

  if (submission.queued) {
    return (
      <QueuedNotice queued={submission.queued} what="Penilaian" onSent={submission.sentLater} />
    );
  }

  return (
    <form method="post" action={action} novalidate onSubmit={onSubmit} class="form">
      <ErrorSummary errors={summary} attempt={form.attempt} fieldId={(name) => fieldId(ID, name)} />
      <TextField
        {...field}
        name="reference"
        label={LABELS.reference}
        value={values.reference}
        error={errors.reference}
        maxLength={REFERENCE_MAX_LENGTH}
        prefill="ref"
        hint="Nomor permintaan konsultasi Anda, jika ada. Contoh: KS-2611-7K3QX9."
      />
      <input type="hidden" name="kunci" value={values.kunci} data-prefill="kunci" />
      {ANSWER_FIELDS.map((name, index) => (
        <Radios
          {...field}
          key={name}
          name={name}
          value={values[name]}
          error={errors[name]}
          required
          inline
          label={`${index + 1}. ${IKM_ELEMENTS[index].name}: ${RATING_QUESTIONS[name].question}`}
          options={RATING_QUESTIONS[name].answers.map((answer, score) => ({
            value: String(score + 1),
            label: answer,
          }))}
        />
      ))}
      <TextField
        {...field}
        name="comment"
        label={LABELS.comment}
        value={values.comment}
        error={errors.comment}
        maxLength={LIMITS.comment}
        rows={4}
        hint="Jangan tulis nama, nomor HP atau email di sini."
      />
      <Honeypot />
      <Carried values={form.carried} />
      <div class="actions">
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? 'Mengirim…' : 'Kirim penilaian'}
        </button>
      </div>
    </form>
  );
}
