/**
 * What the endpoint needs from storage. Routes and sweeps only see this interface; all SQL
 * lives in the adapter (sqlite-store.ts today). Methods return promises although node:sqlite
 * is synchronous, so a PostgreSQL adapter (DATABASE_URL) can implement the same contract.
 *
 * Times are ISO 8601 UTC strings (sortable as text); dates are "YYYY-MM-DD" in Asia/Jakarta.
 */
import type { RequestKind } from '../../lib/forms.ts';
import type { SearchOutcome } from '../../lib/search-events.ts';
import type { FeedbackContext } from '../../schemas/feedback.ts';

export type RequestStatus = 'baru' | 'diproses' | 'menunggu_pengguna' | 'selesai';

/** Who made a change in the history: the citizen, staff, or the system (sweeps). */
export type Actor = 'warga' | 'petugas' | 'sistem';

/** Personal data and free text of a request; absent for anonymous complaints and after erasure. */
export interface RequestContent {
  name?: string;
  email?: string;
  phone?: string;
  /** Consultation. */
  topic?: string;
  question?: string;
  channel?: string;
  /** Complaint. */
  category?: string;
  description?: string;
  identity?: string;
  relatedReference?: string;
}

export interface NewRequest extends RequestContent {
  kind: RequestKind;
  reference: string;
  idempotencyKey: string | null;
  createdAt: string;
  dueDate: string;
  spam: boolean;
}

export interface StoredRequest extends NewRequest {
  id: number;
  status: RequestStatus;
  /** When the status last changed or staff last replied; the 7-day auto-close counts from here. */
  statusChangedAt: string;
  erasedAt: string | null;
}

export interface HistoryEntry {
  at: string;
  actor: Actor;
  /** The status after this entry. */
  status: RequestStatus;
  /** A reply the citizen sees in the status lookup. */
  reply: string | null;
  /** An internal note for staff. */
  note: string | null;
}

export interface NewMail {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxMail extends NewMail {
  id: number;
  requestId: number | null;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** `replayed`: the idempotency key was used before; the first submission is returned. */
export type InsertOutcome = 'created' | 'replayed';

export type InsertRequestResult =
  | { outcome: InsertOutcome; request: StoredRequest }
  /** The random reference collided with an existing one; the caller draws a new one. */
  | { outcome: 'reference_taken' };

export interface NewRating {
  idempotencyKey: string | null;
  createdAt: string;
  reference?: string;
  /** U1…U9, each 1–4. */
  answers: readonly number[];
  comment?: string;
  spam: boolean;
}

export interface NewFeedback {
  idempotencyKey: string | null;
  createdAt: string;
  page: string;
  helpful: boolean;
  comment?: string;
  context?: FeedbackContext;
  spam: boolean;
}

/** Answers to "Apakah halaman ini membantu?" per page; suggestions that answered a question. */
export interface FeedbackSummary {
  page: string;
  helpful: number;
  notHelpful: number;
  /** Times a suggested answer on the consultation form was marked "this answered my question". */
  answeredQuestions: number;
  /** The newest comments, at most five. */
  comments: string[];
}

export interface RequestFilter {
  status?: readonly RequestStatus[];
  kind?: RequestKind;
  /** Due on or before this date. */
  dueOnOrBefore?: string;
  /** Created at or after / before these instants. */
  createdFrom?: string;
  createdBefore?: string;
  spam?: 'exclude' | 'only' | 'include';
  /** Omit for all rows (CSV export). */
  limit?: number;
  offset?: number;
}

export interface StatusChange {
  requestId: number;
  /** The status the caller saw; the change is refused if it moved meanwhile. */
  from: RequestStatus;
  to: RequestStatus;
  at: string;
  actor: Actor;
  reply?: string;
  note?: string;
}

export type ErasureTarget = { reference: string } | { email: string };

/** One search as the search page reported it, its query already cleaned (domain/search-gaps.ts). */
export interface SearchRecord {
  /** The day it was made, Asia/Jakarta. */
  day: string;
  query: string;
  results: number;
  /** No page held every word. */
  partial: boolean;
  outcome: SearchOutcome;
}

/** A query's counts over a period: how often it was searched and how it went. */
export interface SearchCounts {
  query: string;
  searches: number;
  /** Searches that found no page. */
  empty: number;
  /** Searches that found only pages with some of the words. */
  partial: number;
  /** Searches after which a result was opened. */
  opened: number;
  /** Searches after which the citizen went on to the consultation form. */
  asked: number;
}

export interface SearchGaps {
  /** Searches reported in the period. */
  searches: number;
  /** Queries that found nothing, or only pages with some of their words; most often first. */
  unanswered: SearchCounts[];
  /** Queries after which a consultation was started; most often first. */
  asked: SearchCounts[];
}

export interface Store {
  /** Throws when the database cannot be read. */
  ping(): Promise<void>;
  /** Stores a request, its first history entry and its mails in one transaction. */
  insertRequest(request: NewRequest, mails: readonly NewMail[]): Promise<InsertRequestResult>;
  insertRating(rating: NewRating): Promise<{ outcome: InsertOutcome; createdAt: string }>;
  insertFeedback(feedback: NewFeedback): Promise<{ outcome: InsertOutcome; createdAt: string }>;
  /** Page feedback received from `from` on (ISO instant), spam left out, least helpful pages first. */
  feedbackSummary(period: { from?: string }): Promise<FeedbackSummary[]>;
  findRequest(reference: string): Promise<StoredRequest | null>;
  history(requestId: number): Promise<HistoryEntry[]>;
  listRequests(filter: RequestFilter): Promise<{ total: number; items: StoredRequest[] }>;
  /** Applies a status change (with an optional reply) and queues its mails; false if the status moved meanwhile. */
  changeStatus(change: StatusChange, mails: readonly NewMail[]): Promise<boolean>;
  /** Closes requests waiting on the citizen since before `waitingSince`; returns their references. */
  closeWaitingSince(waitingSince: string, at: string, note: string): Promise<string[]>;
  /**
   * Removes personal data, free text, replies and mail of matching requests, leaving a
   * history entry with `note`; returns how many requests were erased.
   */
  erasePersonalData(target: ErasureTarget, at: string, actor: Actor, note: string): Promise<number>;
  /**
   * Erases personal data of requests closed before `cutoff` and of spam created before it,
   * and deletes mail sent before it; returns the number of requests erased.
   */
  purgeBefore(cutoff: string, at: string, note: string): Promise<number>;
  /** Takes up to `limit` unsent mails that are due, leasing them until `leaseUntil`. */
  claimDueMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]>;
  markMailSent(id: number, at: string): Promise<void>;
  markMailFailed(id: number, error: string, retryAt: string): Promise<void>;
  listOutbox(filter: { pendingOnly: boolean; requestId?: number }): Promise<OutboxMail[]>;
  /** Adds one search to its query's counts for the day; no row ever holds more than counts. */
  recordSearch(search: SearchRecord): Promise<void>;
  /** Searches of the days `fromDay`…`toDay` (inclusive, Asia/Jakarta; open when omitted). */
  searchGaps(period: { fromDay?: string; toDay?: string; limit: number }): Promise<SearchGaps>;
  /** Deletes the search counts of the days before `day`; returns the rows deleted. */
  purgeSearchesBefore(day: string): Promise<number>;
  /** Number of (non-spam) ratings in the period and the mean answer of each element U1…U9. */
  ratingMeans(period: {
    from?: string;
    before?: string;
  }): Promise<{ count: number; means: number[] }>;
  close(): void;
}
