/**
 * Reference numbers citizens quote to staff and use to look up their request, e.g.
 * `KS-2611-7K3QX9`: type, year and month of submission (Asia/Jakarta), then six random
 * Crockford base32 characters (30 bits). The date part keeps them readable and sortable;
 * the random part keeps them unguessable (status lookup also needs the email).
 */
import { REFERENCE_PREFIXES, VISIT_REFERENCE_PREFIX, type RequestKind } from './forms.ts';
import { jakartaDateTime } from './working-days.ts';

// Crockford base32: no I, L, O or U, so a reference read aloud or retyped is not misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 6;
// Letters people type for the digits they resemble (https://www.crockford.com/base32.html).
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };
const PREFIXES = [...Object.values(REFERENCE_PREFIXES), VISIT_REFERENCE_PREFIX].join('|');
const TYPED_REFERENCE = new RegExp(`^(${PREFIXES})-?([0-9A-Z]{4})-?([0-9A-Z]{6})$`);

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

/** A new reference for a request of `kind` submitted at `instant`. */
export function makeReference(kind: RequestKind, instant: Date, random = randomBytes): string {
  return referenceWith(REFERENCE_PREFIXES[kind], instant, random);
}

/** A walk-in visit's reference (KJ-YYMM-XXXXXX), made at check-in. */
export function makeVisitReference(instant: Date, random = randomBytes): string {
  return referenceWith(VISIT_REFERENCE_PREFIX, instant, random);
}

/** Whether a (normalised) reference names a walk-in visit rather than a request. */
export const isVisitReference = (reference: string) =>
  reference.startsWith(`${VISIT_REFERENCE_PREFIX}-`);

function referenceWith(prefix: string, instant: Date, random: typeof randomBytes): string {
  const yymm = jakartaDateTime(instant).date.slice(2, 7).replace('-', '');
  // 256 is a multiple of 32, so taking the low five bits of each byte is unbiased.
  const tail = Array.from(random(RANDOM_LENGTH), (byte) => CROCKFORD[byte & 31]).join('');
  return `${prefix}-${yymm}-${tail}`;
}

/**
 * The canonical form of a reference as a person typed it (any case, spaces or missing
 * hyphens, O for 0, I or L for 1), or null when it cannot be one of ours.
 */
export function normalizeReference(typed: string): string | null {
  const match = TYPED_REFERENCE.exec(typed.toUpperCase().replace(/\s+/g, ''));
  if (!match) return null;
  const [yymm, tail] = [match[2], match[3]].map((part) =>
    part.replace(/[OIL]/g, (letter) => LOOK_ALIKES[letter]),
  );
  if (!/^\d{4}$/.test(yymm) || ![...tail].every((char) => CROCKFORD.includes(char))) return null;
  return `${match[1]}-${yymm}-${tail}`;
}
