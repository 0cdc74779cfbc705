import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { fieldErrors, MESSAGES_ID } from '../../schemas/messages.ts';

export type Values = Record<string, string>;

/**
 * What every form component takes. The page passes only `action`; the endpoint, drawing the
 * same component again for a plain (no-JavaScript) post, passes what was sent and what was
 * wrong with it.
 */
export interface FormProps {
  /** Where the form posts, on the endpoint. */
  action: string;
  /** Where the island goes once the endpoint accepted the form (src/lib/forms.ts). */
  confirmation?: string;
  /** What a plain post sent; strings only are taken. */
  values?: Readonly<Record<string, unknown>>;
  /** Field name → message; "form" is a message about the whole post. */
  errors?: Readonly<Record<string, string>>;
}

/** Hidden fields a plain post carries back unchanged: the idempotency key and the start time. */
export const CARRIED_FIELDS = ['idempotency_key', 'form_started_at'] as const;

interface Options<Schema extends v.GenericSchema> extends Omit<FormProps, 'action'> {
  schema: Schema;
  /** Every field of the form with its empty value (''). */
  fields: Values;
  /** sessionStorage key of the draft; the form's path is a good one. */
  draftKey: string;
  /**
   * Values for fields left empty by the draft, read once in the browser (e.g. the question a
   * search carries in the address). The server fills the same into the page without JavaScript.
   */
  prefill?: () => Values;
}

function pick(names: readonly string[], from: Readonly<Record<string, unknown>> = {}): Values {
  return Object.fromEntries(
    names.map((name) => [name, typeof from[name] === 'string' ? from[name] : '']),
  );
}

const ERROR_PREFIX = 'Kesalahan: ';

function readDraft(key: string): Values | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as Values | null;
  } catch {
    return null;
  }
}

/**
 * State of a form island: the values (kept as a draft in sessionStorage so a reload or a
 * failed send loses nothing), the errors in the GOV.UK way (validated on submit, not on
 * blur; page title prefixed "Kesalahan: "), the idempotency key and the start time the
 * endpoint's spam check reads.
 */
export function useForm<Schema extends v.GenericSchema>(options: Options<Schema>) {
  const { schema, fields, draftKey } = options;
  const initial = { ...fields, ...pick(Object.keys(fields), options.values) };
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({ ...options.errors });
  const [attempt, setAttempt] = useState(0);
  const [ready, setReady] = useState(false);
  // One key per filled-in form: a resend after a lost answer is recognised by the endpoint.
  const idempotencyKey = useRef('');
  const startedAt = useRef(0);

  useEffect(() => {
    const draft = readDraft(draftKey);
    idempotencyKey.current = draft?.__key || crypto.randomUUID();
    startedAt.current = Number(draft?.__started) || Date.now();
    const filled = options.prefill?.() ?? {};
    if (draft || Object.keys(filled).length > 0) {
      const restored: Values = {};
      for (const name of Object.keys(initial))
        restored[name] = draft?.[name] || initial[name] || filled[name] || '';
      setValues(restored);
    }
    setReady(true);
  }, []);

  useEffect(() => {
    const base = document.title.replace(ERROR_PREFIX, '');
    document.title = Object.keys(errors).length > 0 ? ERROR_PREFIX + base : base;
  }, [errors]);

  function saveDraft(next: Values) {
    try {
      sessionStorage.setItem(
        draftKey,
        JSON.stringify({
          ...next,
          __key: idempotencyKey.current,
          __started: String(startedAt.current),
        }),
      );
    } catch {
      // Storage full or blocked (private mode): the form still works, only the draft is lost.
    }
  }

  function setValue(name: string, value: string) {
    setValues((current) => {
      const next = { ...current, [name]: value };
      saveDraft(next);
      return next;
    });
  }

  function showErrors(next: Record<string, string>) {
    setErrors(next);
    setAttempt((count) => count + 1);
  }

  /** Validates with the shared schema; shows the errors and returns null when invalid. */
  function validate(): v.InferOutput<Schema> | null {
    const result = v.safeParse(schema, values);
    if (result.success) {
      setErrors({});
      return result.output;
    }
    showErrors(fieldErrors(result.issues, MESSAGES_ID));
    return null;
  }

  /** What is posted: the values plus the fields the endpoint's spam check reads. */
  function payload(): Values {
    return { ...values, form_started_at: String(startedAt.current), website: '' };
  }

  function clearDraft() {
    sessionStorage.removeItem(draftKey);
  }

  return {
    values,
    /** The carried hidden fields, as a plain post sent them. */
    carried: pick(CARRIED_FIELDS, options.values),
    errors,
    attempt,
    ready,
    setValue,
    showErrors,
    validate,
    payload,
    clearDraft,
    idempotencyKey: () => idempotencyKey.current,
  };
}
