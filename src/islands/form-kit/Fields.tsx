import type { ComponentChildren } from 'preact';

// Field components rendering the GOV.UK pattern: label, hint, error message joined to the
// input by aria-describedby, aria-invalid on the input. Rendered on the server they are the
// form that works without JavaScript; hydrated they are controlled by the island.

export interface FieldProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: ComponentChildren;
  onValue: (name: string, value: string) => void;
  /** Prefix of element ids, unique per form on the page. */
  idPrefix: string;
}

export const fieldId = (idPrefix: string, name: string) => `${idPrefix}-${name}`;

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ComponentChildren;
  error?: string;
}) {
  return (
    <>
      {hint ? (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Kesalahan: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

interface TextProps extends FieldProps {
  type?: 'text' | 'email' | 'tel';
  maxLength: number;
  required?: boolean;
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  /** Multi-line (textarea) with this many rows. */
  rows?: number;
  /**
   * The address parameter the server fills this field from when the page is asked for with it
   * (`data-prefill`, src/server/http/page-slots.ts): /konsultasi/?pertanyaan=…
   */
  prefill?: string;
}

export function TextField(props: TextProps) {
  const {
    name,
    label,
    value,
    error,
    hint,
    onValue,
    idPrefix,
    type = 'text',
    maxLength,
    required,
    autocomplete,
    rows,
    prefill,
  } = props;
  const id = fieldId(idPrefix, name);
  const common = {
    id,
    name,
    value,
    maxLength,
    required,
    autocomplete,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onInput: (event: Event) => onValue(name, (event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      {rows ? (
        <textarea {...common} rows={rows} data-prefill={prefill} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={props.inputMode}
          spellcheck={type === 'text'}
          data-prefill={prefill}
        />
      )}
    </div>
  );
}

interface RadiosProps extends FieldProps {
  options: readonly { value: string; label: string; hint?: string }[];
  required?: boolean;
  /** Lay the options out in a row (short answers such as 1–4). */
  inline?: boolean;
}

export function Radios({
  name,
  label,
  value,
  error,
  hint,
  onValue,
  idPrefix,
  options,
  required,
  inline,
}: RadiosProps) {
  const id = fieldId(idPrefix, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend>{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div class={inline ? 'choices choices-inline' : 'choices'}>
          {options.map((option, index) => {
            // The first option carries the field's id, so the error summary's link lands on it.
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div class="choice" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  required={required}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  onChange={() => onValue(name, option.value)}
                />
                <label for={optionId}>{option.label}</label>
                {option.hint ? (
                  <p class="hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface CheckboxProps extends FieldProps {
  /** The value a plain form sends when ticked. */
  checkedValue: string;
  required?: boolean;
}

export function Checkbox({
  name,
  label,
  value,
  error,
  hint,
  onValue,
  idPrefix,
  checkedValue,
  required,
}: CheckboxProps) {
  const id = fieldId(idPrefix, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <HintAndError id={id} hint={hint} error={error} />
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={checkedValue}
          checked={value === checkedValue}
          required={required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) =>
            onValue(name, (event.currentTarget as HTMLInputElement).checked ? checkedValue : '')
          }
        />
        <label for={id}>{label}</label>
      </div>
    </div>
  );
}

/**
 * The honeypot: hidden from people (and from assistive technology), filled in by bots that
 * fill every field. The endpoint stores such posts as spam.
 */
export function Honeypot({ id = 'website' }: { id?: string }) {
  return (
    <div class="honeypot" aria-hidden="true">
      <label for={id}>Jangan isi kolom ini</label>
      <input type="text" id={id} name="website" tabindex={-1} autocomplete="off" value="" />
    </div>
  );
}

/**
 * The hidden fields a plain post carries (idempotency key, start time), with the values the
 * endpoint received when it draws the form again. Empty in the page as built: the server
 * stamps them when it serves the page (src/server/http/page-slots.ts), the island sets its own.
 */
export function Carried({ values }: { values: Readonly<Record<string, string>> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
    </>
  );
}
