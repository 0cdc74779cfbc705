import { FEEDBACK_LABELS as LABELS, FEEDBACK_LIMITS as LIMITS } from '../schemas/feedback.ts';
import { Honeypot } from './form-kit/Fields.tsx';
import type { FormProps } from './form-kit/use-form.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * "Apakah halaman ini membantu?" at the foot of every content page. Rendered without
 * hydration: content pages ship no framework (2 KB gz budget), so a plain script
 * (src/browser/page-feedback.ts) enhances it. The endpoint draws it again, with the error,
 * when a plain post is refused.
 */
export function PageFeedbackForm({ action, values = {}, errors = {} }: FormProps) {
  const comment = text(values.comment);
  const problem = errors.comment ?? errors.page ?? errors.helpful ?? errors.form;
  return (
    <form method="post" action={action} class="feedback-form">
      <input type="hidden" name="page" value={text(values.page)} />
      <fieldset aria-describedby={problem ? 'umpan-balik-kesalahan' : undefined}>
        <legend id="umpan-balik-judul">{LABELS.helpful}</legend>
        {problem ? (
          <p class="error-message" id="umpan-balik-kesalahan" role="alert">
            <span class="visually-hidden">Kesalahan: </span>
            {problem}
          </p>
        ) : null}
        <details open={comment !== '' || problem !== undefined}>
          <summary>{LABELS.more}</summary>
          <label for="umpan-balik-komentar">{LABELS.comment}</label>
          <textarea
            id="umpan-balik-komentar"
            name="comment"
            rows={3}
            maxLength={LIMITS.comment}
            value={comment}
          />
        </details>
        <Honeypot id="umpan-balik-website" />
        <div class="actions">
          <button type="submit" name="helpful" value="ya" class="secondary">
            Ya
          </button>
          <button type="submit" name="helpful" value="tidak" class="secondary">
            Tidak
          </button>
        </div>
      </fieldset>
    </form>
  );
}
