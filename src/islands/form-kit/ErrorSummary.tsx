import { useEffect, useRef } from 'preact/hooks';
import { useListAnimation } from './animate.ts';

interface Props {
  /** Field name → message; "form" is a message about the whole form. */
  errors: Record<string, string>;
  /** Id of the input for a field name, for the links. */
  fieldId: (name: string) => string;
  /** Changes on every submit, so focus returns to the summary even when the errors are the same. */
  attempt: number;
}

/**
 * GOV.UK error summary: shown at the top after a failed submit, focused so screen readers
 * read it, each message a link to its field. role="alert" sits on the inner element
 * (govuk-frontend: announced reliably in NVDA and VoiceOver that way).
 */
export function ErrorSummary({ errors, fieldId, attempt }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const list = useListAnimation<HTMLUListElement>();
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) box.current?.focus();
  }, [attempt]);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" tabindex={-1} ref={box} aria-labelledby="ringkasan-kesalahan">
      <div role="alert">
        <h2 id="ringkasan-kesalahan">Ada yang perlu diperbaiki</h2>
        <ul ref={list}>
          {entries.map(([name, message]) => (
            <li key={name}>
              {name === 'form' ? message : <a href={`#${fieldId(name)}`}>{message}</a>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
