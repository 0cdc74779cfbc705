/**
 * What staff do to a request, from the workspace or the staff API: reply, change the status,
 * write an internal note, assign, mark spam. One path, so both check the same rules, queue
 * the same mails and leave the same audit entry.
 */
import { ratingInvitation, replyMails } from '../mail/compose.ts';
import { mailContext, type Services } from '../services.ts';
import type { RequestChange, RequestStatus, StoredRequest } from '../storage/store.ts';
import { canChangeStatus } from './lifecycle.ts';

export interface StaffAction {
  /** What the officer's page showed (workspace) or the status the caller read (API). */
  seen: RequestChange['seen'];
  /** The status after the action; omitted, it stays. */
  to?: RequestStatus;
  reply?: string;
  note?: string;
  assignedTo?: number | null;
  spam?: boolean;
  /** The history's words for an assignment or a spam mark. */
  event?: string;
  /** "Perlu dilengkapi": the reply asks for more; the working days stand still until the answer. */
  needsInfo?: boolean;
}

/** The officer acting; null for the staff API's token (a script, not a person). */
export interface Actor {
  staffId: number | null;
  /** The audit's name for the action, e.g. "balas". */
  audit: string;
}

export type ActionOutcome =
  | { ok: true; request: StoredRequest }
  /** The status cannot go there from where it is. */
  | { ok: false; reason: 'invalid_transition' }
  /** Another officer (or the citizen, or a sweep) changed the request since it was read. */
  | { ok: false; reason: 'conflict' }
  /** The personal data was erased: there is nobody to reply to. */
  | { ok: false; reason: 'request_erased' };

export async function actOnRequest(
  services: Services,
  request: StoredRequest,
  action: StaffAction,
  actor: Actor,
): Promise<ActionOutcome> {
  const to = action.to ?? request.status;
  const withReply = action.reply !== undefined;
  // A status named must be a step of the lifecycle; an assignment or a note keeps it as it is.
  const statusNamed = action.to !== undefined || withReply;
  if (statusNamed && !canChangeStatus(request.status, to, withReply)) {
    return { ok: false, reason: 'invalid_transition' };
  }
  if (withReply && request.erasedAt) return { ok: false, reason: 'request_erased' };
  const context = mailContext(services);
  const closing = to === 'selesai' && request.status !== 'selesai';
  // Closed without a reply: the rating invitation goes on its own (once per request).
  const invite =
    closing &&
    !withReply &&
    (await services.store.ratedReferences([request.reference])).length === 0;
  const mails = withReply
    ? replyMails(request, action.reply ?? '', to, context, action.needsInfo)
    : invite
      ? ratingInvitation(request, context)
      : [];
  const changed = await services.store.changeRequest(
    {
      requestId: request.id,
      seen: action.seen,
      at: services.clock.now().toISOString(),
      actor: 'petugas',
      staffId: actor.staffId,
      to,
      reply: action.reply,
      note: action.note,
      assignedTo: action.assignedTo,
      spam: action.spam,
      event: action.event,
      staffSpoke: withReply,
      suspendClock: action.needsInfo,
      audit: { action: actor.audit, target: request.reference },
    },
    mails,
  );
  if (!changed) return { ok: false, reason: 'conflict' };
  if (mails.length > 0) services.nudgeOutbox();
  return { ok: true, request: (await services.store.findRequest(request.reference)) ?? request };
}
