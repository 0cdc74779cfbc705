import type { VNode } from 'preact';
import { ComplaintForm } from '../../islands/ComplaintForm.tsx';
import { ConsultationForm } from '../../islands/ConsultationForm.tsx';
import type { FormProps } from '../../islands/form-kit/use-form.ts';
import { PageFeedbackForm } from '../../islands/PageFeedbackForm.tsx';
import { RatingForm } from '../../islands/RatingForm.tsx';
import { StatusLookup } from '../../islands/StatusLookup.tsx';
import { FORMS, type FormKind } from '../../lib/forms.ts';
import type { StatusAnswer } from '../../schemas/status.ts';
import { PageShell, type PageLook } from './PageShell.tsx';
import { renderPage } from './render.ts';

/** Each form as the site draws it: the same components, so ids, hints and labels agree. */
const DRAWN: Record<FormKind, (props: FormProps & { answer?: StatusAnswer }) => VNode> = {
  konsultasi: (props) => (
    <ConsultationForm {...props} feedbackAction={FORMS['umpan-balik'].action} />
  ),
  pengaduan: (props) => <ComplaintForm {...props} />,
  penilaian: (props) => <RatingForm {...props} />,
  'umpan-balik': (props) => <PageFeedbackForm {...props} />,
  status: (props) => <StatusLookup {...props} />,
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
}

/**
 * A form drawn again by the endpoint for a plain post: with what was typed, and the errors
 * on top and at their fields (GOV.UK error summary), or with the request found.
 */
export function FormPage({ kind, look, values, errors, backHref, answer }: Props) {
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
      })}
      <p>
        <a href={`${look.siteOrigin}${backHref}`}>Kembali ke halaman formulir</a>
      </p>
    </PageShell>
  );
}

export function renderFormPage(props: Props): string {
  return renderPage(<FormPage {...props} />);
}
