/**
 * Saving a new consultation or complaint: reference, due date, personal link, mails, one
 * transaction. The first request from an address not yet confirmed waits: it gets one mail
 * with the confirmation link and nothing else, and its clock starts when the address is
 * confirmed (domain/registration.ts).
 */
import { FORMS, type RequestKind } from '../../lib/forms.ts';
import { makeReference } from '../../lib/reference.ts';
import { dueDate } from '../../lib/working-days.ts';
import { newRequestMails } from '../mail/compose.ts';
import { dueDateRule, mailContext, type Services } from '../services.ts';
import type { RequestContent } from '../storage/store.ts';
import type { Saved, SubmissionMeta } from '../http/submission.ts';
import { accessKeyFor, hashAccessKey } from './access-keys.ts';
import { confirmationOffer } from './registration.ts';

// 30 random bits per month: a clash is rare (about 1 in 2,000 at 1,000 requests a month),
// and the UNIQUE constraint turns it into a retry with a fresh draw.
const REFERENCE_ATTEMPTS = 5;
// Anyone can type any address into a form, so the office could be made to mail someone over
// and over; a person asking in earnest sends a few requests an hour at most. Beyond that the
// request is stored and staff are told as usual, but the address gets no acknowledgement.
const ACKNOWLEDGEMENTS_PER_HOUR = 3;
const HOUR_MS = 60 * 60_000;

async function acknowledgedTooOften(
  services: Services,
  email: string,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  return (
    (await services.store.countMailSince(email, 'acknowledgement', since)) >=
    ACKNOWLEDGEMENTS_PER_HOUR
  );
}

export async function saveRequest(
  services: Services,
  kind: RequestKind,
  content: RequestContent,
  meta: SubmissionMeta,
): Promise<Saved> {
  const { store, config, holidays } = services;
  const { email } = content;
  // Asked together: the store's thread answers both in one turn.
  const [confirmedAt, quiet] =
    email === undefined
      ? [null, false]
      : await Promise.all([
          store.addressConfirmedAt(email),
          acknowledgedTooOften(services, email, meta.now),
        ]);
  const confirmed = email === undefined || confirmedAt !== null;
  // Spam is stored but never mailed, so it asks for no confirmation either.
  const confirmation =
    !confirmed && !meta.spam && email !== undefined
      ? confirmationOffer(services, email, meta.now)
      : undefined;
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
    const reference = makeReference(kind, meta.now);
    const request = {
      kind,
      reference,
      idempotencyKey: meta.idempotencyKey,
      createdAt: meta.now.toISOString(),
      dueDate: dueDate(meta.now, holidays, dueDateRule(services)),
      spam: meta.spam,
      accessKeyHash: email ? hashAccessKey(accessKeyFor(config.linkSecret, reference)) : null,
      emailConfirmed: confirmed,
      ...content,
    };
    const mails = confirmed
      ? newRequestMails(request, mailContext(services), config.staffEmail).filter(
          (mail) => !(quiet && mail.purpose === 'acknowledgement'),
        )
      : [];
    const result = await store.insertRequest(request, mails, confirmation);
    if (result.outcome === 'reference_taken') continue;
    // A replay answers with the first submission's reference and due date.
    const stored = result.request;
    const query = new URLSearchParams({ ref: stored.reference, due: stored.dueDate });
    if (!stored.emailConfirmed) query.set('konfirmasi', '1');
    return {
      replayed: result.outcome === 'replayed',
      queuedMail: result.outcome === 'created' && (mails.length > 0 || result.confirmationQueued),
      body: {
        reference: stored.reference,
        status: stored.status,
        dueDate: stored.dueDate,
        receivedAt: stored.createdAt,
        emailConfirmed: stored.emailConfirmed,
      },
      location: `${FORMS[kind].confirmation}?${query}`,
    };
  }
  throw new Error(`no free ${kind} reference after ${REFERENCE_ATTEMPTS} draws`);
}
