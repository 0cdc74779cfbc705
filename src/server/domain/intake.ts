/** Saving a new consultation or complaint: reference, due date, mails, one transaction. */
import { FORMS, type RequestKind } from '../../lib/forms.ts';
import { makeReference } from '../../lib/reference.ts';
import { dueDate } from '../../lib/working-days.ts';
import { newRequestMails } from '../mail/compose.ts';
import { dueDateRule, mailContext, type Services } from '../services.ts';
import type { RequestContent } from '../storage/store.ts';
import type { Saved, SubmissionMeta } from '../http/submission.ts';

// 30 random bits per month: a clash is rare (about 1 in 2,000 at 1,000 requests a month),
// and the UNIQUE constraint turns it into a retry with a fresh draw.
const REFERENCE_ATTEMPTS = 5;

export async function saveRequest(
  services: Services,
  kind: RequestKind,
  content: RequestContent,
  meta: SubmissionMeta,
): Promise<Saved> {
  const { store, config, holidays } = services;
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
    const request = {
      kind,
      reference: makeReference(kind, meta.now),
      idempotencyKey: meta.idempotencyKey,
      createdAt: meta.now.toISOString(),
      dueDate: dueDate(meta.now, holidays, dueDateRule(services)),
      spam: meta.spam,
      ...content,
    };
    const mails = newRequestMails(request, mailContext(services), config.staffEmail);
    const result = await store.insertRequest(request, mails);
    if (result.outcome === 'reference_taken') continue;
    // A replay answers with the first submission's reference and due date.
    const stored = result.request;
    const query = new URLSearchParams({ ref: stored.reference, due: stored.dueDate });
    return {
      replayed: result.outcome === 'replayed',
      queuedMail: result.outcome === 'created' && mails.length > 0,
      body: {
        reference: stored.reference,
        status: stored.status,
        dueDate: stored.dueDate,
        receivedAt: stored.createdAt,
      },
      location: `${FORMS[kind].confirmation}?${query}`,
    };
  }
  throw new Error(`no free ${kind} reference after ${REFERENCE_ATTEMPTS} draws`);
}
