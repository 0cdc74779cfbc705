/**
 * The personal link's key (`kunci`): every mail to the citizen carries
 * `/status/?ref=NOMOR&kunci=KEY`, which opens the request without typing the email.
 *
 * The key is HMAC-SHA-256(LINK_SECRET, reference), cut to 128 bits: a later mail (a reply a
 * week on) can carry the same key although the database keeps only its SHA-256, and the mail
 * text waiting in the outbox holds a placeholder that is filled in only on its way to the mail
 * server. Erasing the request empties the stored hash, so its link stops working.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 16;

export const accessKeyFor = (secret: string, reference: string): string =>
  createHmac('sha256', secret)
    .update(`kunci:${reference}`)
    .digest()
    .subarray(0, KEY_BYTES)
    .toString('base64url');

export const hashAccessKey = (key: string): string =>
  createHash('sha256').update(key).digest('hex');

/** Whether `given` opens the request; never for a request without a key (erased, no email). */
export function accessKeyMatches(accessKeyHash: string | null, given: unknown): boolean {
  if (!accessKeyHash || typeof given !== 'string' || given.length === 0 || given.length > 64)
    return false;
  return timingSafeEqual(
    Buffer.from(hashAccessKey(given), 'hex'),
    Buffer.from(accessKeyHash, 'hex'),
  );
}

/** What a queued mail holds where the key goes. */
export const keyPlaceholder = (reference: string) => `{{kunci:${reference}}}`;

const PLACEHOLDER = /\{\{kunci:([A-Z]{2}-\d{4}-[0-9A-Z]{6})\}\}/g;

/** A mail's text with each placeholder replaced by its key, just before it is sent. */
export const fillAccessKeys = (text: string, secret: string): string =>
  text.replace(PLACEHOLDER, (_, reference: string) => accessKeyFor(secret, reference));
