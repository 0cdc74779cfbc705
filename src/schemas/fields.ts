/**
 * Field builders shared by the form schemas. Every field accepts what a plain HTML form
 * sends (strings; an absent key for an empty checkbox or radio group) and what an island
 * sends as JSON (the same strings, or booleans and numbers where natural), and every text
 * field has a length limit. Lengths count UTF-16 code units, like the `maxlength` attribute.
 */
import * as v from 'valibot';
import { normalizeReference } from '../lib/reference.ts';
import type { MessageKey } from './messages.ts';

/** Limits shared by the forms that ask for contact details. */
export const CONTACT_LIMITS = { name: 100, email: 254, phone: 20 } as const;

/** Free-form references (ours or from pst.bps.go.id), e.g. in a complaint or rating. */
export const REFERENCE_MAX_LENGTH = 40;

// C0/C1 control characters other than tab and line breaks come from scripts, not keyboards,
// and cannot be shown back to staff faithfully.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Something other than white space and invisible format characters (zero-width space, BOM…).
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * A field whose absence (an unticked box, an unchosen radio, a JSON null) is checked like an
 * empty answer, so the field's own message ("Pilih …") applies instead of a generic one.
 */
export function present<const Schema extends v.GenericSchema>(schema: Schema) {
  return v.pipe(v.nullish(v.unknown(), ''), schema);
}

function text(max: number, tooLong: MessageKey, multiline: boolean) {
  return v.pipe(
    v.string<MessageKey>('text.invalid'),
    v.trim(),
    // A lone surrogate (malformed UTF-16 from JSON "\ud800") would be stored as U+FFFD.
    v.check((value) => value.isWellFormed() && !CONTROL.test(value), 'text.characters'),
    // Single-line fields: a pasted line break or run of spaces becomes one space. Multi-line:
    // a plain form sends CRLF, an island LF; both are stored and counted as LF.
    v.transform((value) =>
      multiline ? value.replace(/\r\n?/g, '\n') : value.replace(/\s+/g, ' '),
    ),
    v.maxLength(max, tooLong),
  );
}

/** Text that must contain something visible. */
export function requiredText(
  max: number,
  messages: { required: MessageKey; tooLong: MessageKey },
  multiline = false,
) {
  return present(
    v.pipe(
      text(max, messages.tooLong, multiline),
      v.check((value) => VISIBLE.test(value), messages.required),
    ),
  );
}

// A web address or an email: "https://…", "www.…", "…@…", or a host on a common top-level
// domain ("bit.ly/x", "hadiah.com"). Academic titles such as "S.Si." or "A.Md." pass.
const LINK =
  /:\/\/|\bwww\.|@|\b[a-z0-9-]+\.(com|net|org|id|co|io|me|ly|xyz|info|biz|site|online|top|link|click|app|dev|gl|to|cc|tk|ru|cn)\b/i;

/**
 * A person's name. It is the first line of the acknowledgement mail ("Yth. …"), which goes to
 * an address nobody has confirmed yet, so a name must not carry a link or an address.
 */
export function personName(max: number) {
  return v.pipe(
    requiredText(max, { required: 'name.required', tooLong: 'name.tooLong' }),
    v.check((value) => !LINK.test(value), 'name.link'),
  );
}

/** Text that may be left empty; empty becomes undefined. */
export function optionalText(max: number, tooLong: MessageKey, multiline = false) {
  return present(
    v.pipe(
      text(max, tooLong, multiline),
      v.transform((value) => (VISIBLE.test(value) ? value : undefined)),
    ),
  );
}

/** An email address, stored in lower case so the status lookup ignores case. */
export function email() {
  return present(
    v.pipe(
      text(CONTACT_LIMITS.email, 'email.tooLong', false),
      v.check((value) => value !== '', 'email.required'),
      v.toLowerCase(),
      v.email('email.invalid'),
    ),
  );
}

/** A phone or WhatsApp number; optional. */
export function optionalPhone() {
  return present(
    v.pipe(
      text(CONTACT_LIMITS.phone, 'phone.tooLong', false),
      v.check((value) => value === '' || /^\+?\d[\d ().-]{5,}\d$/.test(value), 'phone.invalid'),
      v.transform((value) => value || undefined),
    ),
  );
}

/** One of a fixed set of values (a radio group or select). */
export function choice<const Options extends readonly [string, ...string[]]>(
  options: Options,
  required: MessageKey,
) {
  return present(v.picklist(options, required));
}

/** A ticked consent checkbox: JSON `true`, or the checkbox's value from a plain form. */
export function consent() {
  return present(
    v.pipe(
      v.union([v.literal(true), v.picklist(['ya', 'on', 'true'])], 'consent.required'),
      v.transform(() => true as const),
    ),
  );
}

/**
 * An optional reference to an earlier request: one of ours (normalised to its canonical
 * form) or a transaction number from another channel such as pst.bps.go.id.
 */
export function optionalReference() {
  return present(
    v.pipe(
      text(REFERENCE_MAX_LENGTH, 'reference.tooLong', false),
      v.check(
        (value) => value === '' || /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/.test(value),
        'reference.invalid',
      ),
      v.transform((value) => (value === '' ? undefined : (normalizeReference(value) ?? value))),
    ),
  );
}
