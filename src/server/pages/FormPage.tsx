import type { VNode } from 'preact';
import { ComplaintForm } from '../../islands/ComplaintForm.tsx';
import { ConsultationForm } from '../../islands/ConsultationForm.tsx';
import type { FormProps } from '../../islands/form-kit/use-form.ts';
import { PageFeedbackForm } from '../../islands/PageFeedbackForm.tsx';
import { RatingForm } from '../../islands/RatingForm.tsx';
import { ErrorSummary } from '../../islands/form-kit/ErrorSummary.tsx';
import { MessageForm } from '../../islands/MessageForm.tsx';
import { StatusLookup } from '../../islands/StatusLookup.tsx';
import { credentialsOf } from '../../schemas/message.ts';
import { FORMS, type FormKind } from '../../lib/forms.ts';
import type { StatusAnswer } from '../../schemas/status.ts';
import { PageShell, type PageLook } from './PageShell.tsx';
import { stampForms } from '../http/page-slots.ts';
import { renderPage } from './render.ts';

/** Each form as the site draws it: the same components, so ids, hints and labels agree. */
type Drawn = FormProps & { answer?: StatusAnswer; followUp?: string };

const DRAWN: Record<FormKind, (props: Drawn) => VNode> = {
  konsultasi: (props) => (
    <ConsultationForm {...props} feedbackAction={FORMS['umpan-balik'].action} />
  ),
  pengaduan: (props) => <ComplaintForm {...props} />,
  penilaian: (props) => <RatingForm {...props} />,
  'umpan-balik': (props) => <PageFeedbackForm {...props} />,
  status: (props) => <StatusLookup {...props} />,
  pesan: (props) => (
    <MessageForm
      {...props}
      credentials={credentialsOf(props.values) ?? { reference: '' }}
      followUp={props.followUp}
    />
  ),
  // Answering a meeting is a button in the conversation; refused, it has only its message.
  pertemuan: (props) => (
    <ErrorSummary errors={{ ...props.errors }} fieldId={(name) => name} attempt={0} />
  ),
};

interface Props {
  kind: FormKind;
  look: PageLook;
  /** What the plain post sent. */
  values: Readonly<Record<string, unknown>>;
  errors?: Readonly<Record<string, string>>;
  /** The site page to go back to: the form's own page, or the page the feedback is about. */
  backHref: string;
  /** The request found (status lookup). */
  answer?: StatusAnswer;
  /** A refused post's way on (a new request naming a closed one). */
  followUp?: string;
}

/**
 * A form drawn again by the endpoint for a plain post: with what was typed, and the errors
 * on top and at their fields (GOV.UK error summary), or with the request found.
 */
export function FormPage({ kind, look, values, errors, backHref, answer, followUp }: Props) {
  const form = FORMS[kind];
  const failed = errors !== undefined && Object.keys(errors).length > 0;
  return (
    <PageShell title={failed ? `Kesalahan: ${form.title}` : form.title} look={look}>
      <h1>{form.title}</h1>
      {DRAWN[kind]({
        action: form.action,
        confirmation: form.confirmation ?? undefined,
        values,
        errors,
        answer,
        followUp,
      })}
      <p>
        <a href={`${look.siteOrigin}${backHref}`}>Kembali ke halaman formulir</a>
      </p>
    </PageShell>
  );
}

/**
 * The page, its forms' empty hidden fields stamped (the start time and a fresh key) like the
 * site's pages, so a form drawn here for the first time (the reply on a status page) posts
 * like one from the site. Fields the post carried keep their values.
 */
export function renderFormPage(props: Props): string {
  return stampForms(renderPage(<FormPage {...props} />), new Date());
}
