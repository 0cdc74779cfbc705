/**
 * What the endpoint needs from storage. Routes and sweeps only see this interface; all SQL
 * lives in the adapters: SQLite (sqlite-store.ts, the default) and PostgreSQL
 * (postgres-store.ts, DATABASE_URL), chosen in open-store.ts. Methods return promises
 * although node:sqlite is synchronous, so both implement the same contract.
 *
 * A store is opened for one office (office.yaml's code): several offices may share one
 * database, and every method reads, writes, counts and sweeps that office's rows only.
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
  /** The current due date; while the address is unconfirmed, the date it would have. */
  dueDate: string;
  spam: boolean;
  /** SHA-256 of the personal link's key (domain/access-keys.ts); null without an email. */
  accessKeyHash: string | null;
  /** false while the citizen has not confirmed the address: the clock has not started. */
  emailConfirmed: boolean;
}

export interface StoredRequest extends NewRequest {
  id: number;
  status: RequestStatus;
  /** When the status last changed or staff last replied; the auto-close counts from here. */
  statusChangedAt: string;
  erasedAt: string | null;
  /** The officer the request is assigned to. */
  assignedTo: number | null;
  /** The officers who replied to the citizen, by name (lists only). */
  repliedBy?: string[];
  /** Raised by every change; a change made from an older version is refused (two officers). */
  version: number;
  /** The due date first set, when the clock started. */
  originalDueDate: string;
  /** "Perlu dilengkapi": the officer asked for more, the working days stand still. */
  clockSuspended: boolean;
  /** When the citizen completed the request and the working days started again. */
  clockRestartedAt: string | null;
  lastStaffMessageAt: string | null;
  lastCitizenMessageAt: string | null;
  /** The officer's message the closing reminder was sent for. */
  closeReminderFor: string | null;
}

export interface HistoryEntry {
  at: string;
  actor: Actor;
  /** The status after this entry. */
  status: RequestStatus;
  /** A reply the citizen sees in the status lookup. */
  reply: string | null;
  /** What the citizen wrote back. */
  message?: string | null;
  /** An internal note for staff. */
  note: string | null;
  /** The officer who acted (actor "petugas" in the workspace), with the name they had then. */
  staffId?: number | null;
  staffName?: string | null;
  /** What else happened, for officers: "Ditugaskan kepada Sari", "Ditandai sebagai spam". */
  event?: string | null;
  /** The event belongs to the citizen's conversation too (a meeting, the close). */
  eventPublic?: boolean;
}

export type StaffRole = 'admin' | 'petugas';

/** An officer's account, as the workspace lists it. */
export interface StaffAccount {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface StaffCredentials extends StaffAccount {
  /** scrypt$N$r$p$salt$hash. */
  passwordHash: string;
}

/** A signed-in officer's session; the cookie's token is stored only as its hash. */
export interface StaffSession {
  staff: StaffAccount;
  csrf: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface AuditEntry {
  at: string;
  staffId: number | null;
  /** What was done, e.g. "masuk", "balas", "hapus-data", "akun-tambah". */
  action: string;
  /** What it was done to: a request number, an officer's email. */
  target: string | null;
}

/** Why a mail is sent; acknowledgements to one address are limited per hour (intake.ts). */
export type MailPurpose =
  | 'acknowledgement'
  | 'staff_notice'
  | 'reply'
  /** The confirmation link of an address not yet confirmed; the sign-in link of "Permintaan saya". */
  | 'confirmation'
  | 'sign_in'
  /** Meetings proposed, chosen, cancelled; reminders; the closing; the rating invitation. */
  | 'meeting'
  | 'reminder'
  | 'closing'
  | 'rating_invitation';

/** A file sent with a mail, e.g. a calendar invitation (text/calendar). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface NewMail {
  to: string;
  subject: string;
  text: string;
  purpose: MailPurpose;
  attachments?: readonly MailAttachment[];
}

export interface OutboxMail extends NewMail {
  id: number;
  requestId: number | null;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  /** Given up on ("gagal"): the mail server refused it for good. */
  failedAt: string | null;
  lastError: string | null;
}

/** `replayed`: the idempotency key was used before; the first submission is returned. */
export type InsertOutcome = 'created' | 'replayed';

export type InsertRequestResult =
  | {
      outcome: InsertOutcome;
      request: StoredRequest;
      /** The confirmation link offered with the request was stored and its mail queued. */
      confirmationQueued: boolean;
    }
  /** The random reference collided with an existing one; the caller draws a new one. */
  | { outcome: 'reference_taken' };

/** A one-time link for an address, kept only as its hash. */
export interface NewCitizenToken {
  tokenHash: string;
  email: string;
  purpose: 'konfirmasi' | 'masuk';
  at: string;
  expiresAt: string;
}

export interface NewRating {
  idempotencyKey: string | null;
  createdAt: string;
  reference?: string;
  /** Where the rated service was given: online, or datang_langsung (a visit). */
  channel?: RatingChannel;
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

export type RatingChannel = 'online' | 'datang_langsung';

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
  /** The follow-up the citizen chose (consultations). */
  channel?: string;
  assignedTo?: number;
  /** Due before this date and not closed. */
  overdueOn?: string;
  /** Words found in the number, name, email, topic, question or complaint text. */
  search?: string;
  spam?: 'exclude' | 'only' | 'include';
  /** Omit for all rows (CSV export). */
  limit?: number;
  offset?: number;
}

/**
 * A change to a request: a new status, a reply for the citizen, an internal note, an
 * assignment, a spam mark, or several at once, written as one history entry.
 */
export interface RequestChange {
  requestId: number;
  /**
   * What the caller saw: the status (staff API) or the version (workspace forms). The change
   * is refused when the request has moved on since.
   */
  seen: { status: RequestStatus } | { version: number };
  at: string;
  actor: Actor;
  staffId?: number | null;
  /** Default: the status stays. */
  to?: RequestStatus;
  reply?: string;
  note?: string;
  /** Assign to an officer, or (null) to nobody. */
  assignedTo?: number | null;
  spam?: boolean;
  /** What else happened, in the history's words (assignment, spam mark). */
  event?: string;
  /** The citizen sees the event in the conversation (the close); assignments and spam marks are internal. */
  eventPublic?: boolean;
  /** Written to the audit log in the same transaction, as done by `staffId`. */
  audit?: { action: string; target: string };
  /** The reply (or the request for more) is the officer speaking: the auto-close counts from it. */
  staffSpoke?: boolean;
  /** "Perlu dilengkapi": the clock stands still until the citizen answers. */
  suspendClock?: boolean;
}

/** The citizen writes back from /status/. */
export interface CitizenMessage {
  requestId: number;
  message: string;
  at: string;
  idempotencyKey: string | null;
  /** Set when the clock was suspended: the new due date from this answer. */
  resumedDueDate: string | null;
}

export type CitizenMessageOutcome = 'created' | 'replayed' | 'closed';

export type MeetingMode = 'datang_langsung' | 'video';
export type MeetingState =
  'diusulkan' | 'dijadwalkan' | 'dibatalkan' | 'terlaksana' | 'tidak_terlaksana';

export interface MeetingSlot {
  id: number;
  startsAt: string;
  minutes: number;
  mode: MeetingMode;
  /** The video meeting's address (mode video). */
  link: string | null;
}

export interface Meeting {
  id: number;
  requestId: number;
  reference: string;
  proposedBy: number | null;
  proposedAt: string;
  state: MeetingState;
  slots: MeetingSlot[];
  chosenSlot: number | null;
  cancelledBy: 'warga' | 'petugas' | null;
  cancelReason: string | null;
  remindedAt: string | null;
}

export interface CitizenSession {
  email: string;
  csrf: string;
  createdAt: string;
  lastSeenAt: string;
}

export type ErasureTarget = { reference: string } | { email: string };

/**
 * The database cannot be used just now: locked by another process, full, read-only, or its
 * file cannot be reached. Answered with 503 and Retry-After; `code` is SQLite's (SQLITE_BUSY…)
 * or PostgreSQL's (PG_ and the SQLSTATE, or the client's ECONNREFUSED…), logged, never shown
 * to citizens.
 */
export class StoreUnavailableError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
    this.code = code;
  }
}

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

/** Where a walk-in visit is: waiting, called to a desk, being served, done, or dropped as absent. */
export type VisitState = 'menunggu' | 'dipanggil' | 'dilayani' | 'selesai' | 'tidak_hadir';

/** The guest book's entry, as the kiosk sends it, with its ticket. */
export interface NewVisit {
  reference: string;
  ticketId: string;
  /** The Jakarta day; numbers restart per day and service. */
  day: string;
  service: string;
  prefix: string;
  at: string;
  name: string;
  phone?: string;
  email?: string;
  institution?: string;
  topic: string;
}

export interface Visit {
  id: number;
  reference: string;
  ticketId: string;
  day: string;
  service: string;
  /** The ticket's number, e.g. "K-007". */
  number: string;
  seq: number;
  state: VisitState;
  skips: number;
  calls: number;
  queuedAt: string;
  arrivedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  desk: string | null;
  staffId: number | null;
  /** The officer's name (lists). */
  staffName: string | null;
  /** Personal data; absent after erasure. */
  name?: string;
  phone?: string;
  email?: string;
  institution?: string;
  topic?: string;
  note?: string;
  followUpReference: string | null;
  erasedAt: string | null;
}

/**
 * A desk's action on a visit. Each is refused (null) when the visit is not in a state that
 * allows it, e.g. started twice, or finished by another officer meanwhile.
 */
export type VisitAction =
  | { kind: 'panggil-ulang' | 'mulai' }
  | { kind: 'selesai'; note?: string; followUpReference?: string }
  /** Absent: back to the end of the queue the first time, dropped the second. */
  | { kind: 'lewati' };

export interface KioskDevice {
  id: number;
  label: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** A request as the reports count it: its dates, choices and who acted; no personal data. */
export interface RequestFacts {
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  /** Consultation: the follow-up the citizen chose (RequestContent.channel). */
  channel: string | null;
  /** Complaint: its category. */
  category: string | null;
  createdAt: string;
  emailConfirmed: boolean;
  /** The current due date (moved when the clock restarted after "perlu dilengkapi"). */
  dueDate: string;
  clockSuspended: boolean;
  clockRestartedAt: string | null;
  /** An officer replied, asked for more or closed the request: when and who, oldest first. */
  staffActs: { at: string; staffId: number | null }[];
  /** When the request was first closed, and by whom (sistem: the automatic close). */
  closedAt: string | null;
  closedBy: Actor | null;
}

/** A walk-in visit as the reports count it: its times, desk and officer; no personal data. */
export interface VisitFacts {
  id: number;
  day: string;
  service: string;
  state: VisitState;
  arrivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  desk: string | null;
  staffId: number | null;
}

/** One rating's answers U1…U9 and where the rated service was given (null: not known). */
export interface RatingFacts {
  createdAt: string;
  channel: RatingChannel | null;
  answers: number[];
}

/** Page feedback of a period, per page, without its comments. */
export interface PageFeedbackCounts {
  page: string;
  helpful: number;
  notHelpful: number;
  /** Suggested answers marked "this answered my question" (a request spared). */
  answeredQuestions: number;
}

/** What the reports are computed from (src/lib), one period, spam left out. */
export interface PeriodFacts {
  /** Requests received in the period, closed in it, or acted on by an officer in it. */
  requests: RequestFacts[];
  /** Visits of the period's days. */
  visits: VisitFacts[];
  ratings: RatingFacts[];
  feedback: PageFeedbackCounts[];
  /** Follow-up meetings recorded as held, whose chosen slot started in the period. */
  meetingsHeld: number;
}

/** A change of the walk-in queue, told to the displays of every instance (queue-events.ts). */
export interface QueueChange {
  kind: 'ambil' | 'panggil' | 'panggil-ulang' | 'mulai' | 'selesai' | 'lewati';
  /** The Jakarta day of the queue that changed. */
  day: string;
}

export interface Store {
  /** Writes to the database file (not only SELECT 1); throws StoreUnavailableError when it cannot. */
  ping(): Promise<void>;
  /**
   * Tells the office's other instances sharing the database that the walk-in queue changed
   * (PostgreSQL NOTIFY). SQLite serves one instance: there is nobody to tell.
   */
  announceQueueChange(change: QueueChange): Promise<void>;
  /**
   * Hears the changes the other instances announce, once listening (the promise resolves);
   * returns the function that stops listening.
   */
  listenQueueChanges(listener: (change: QueueChange) => void): Promise<() => Promise<void>>;
  /**
   * Runs `task` unless an instance of the same office sharing the database is running the
   * task of that `name` (a sweep: mail, reminders, retention); null when skipped. Another
   * office's sweeps touch other rows and never wait for it. SQLite serves one instance, so
   * there the task always runs.
   */
  runAlone<T>(name: string, task: () => Promise<T>): Promise<T | null>;
  /**
   * Stores a request, its first history entry and its mails in one transaction. With
   * `confirmation` (an address not yet confirmed), a new request also stores that link and
   * queues its mail, unless a link for the address is still valid (one mail per wait).
   */
  insertRequest(
    request: NewRequest,
    mails: readonly NewMail[],
    confirmation?: NewCitizenToken & { mails: readonly NewMail[] },
  ): Promise<InsertRequestResult>;
  /** `already_rated`: the request (reference) has a rating already; nothing is stored. */
  insertRating(
    rating: NewRating,
  ): Promise<{ outcome: InsertOutcome | 'already_rated'; createdAt: string }>;
  /** Which of these references have a rating. */
  ratedReferences(references: readonly string[]): Promise<string[]>;
  insertFeedback(feedback: NewFeedback): Promise<{ outcome: InsertOutcome; createdAt: string }>;
  /** Page feedback received from `from` on (ISO instant), spam left out, least helpful pages first. */
  feedbackSummary(period: { from?: string }): Promise<FeedbackSummary[]>;
  findRequest(reference: string): Promise<StoredRequest | null>;
  history(requestId: number): Promise<HistoryEntry[]>;
  listRequests(filter: RequestFilter): Promise<{ total: number; items: StoredRequest[] }>;
  /**
   * Applies a status change (with an optional reply) and queues its mails; false if the
   * status moved meanwhile, or if there are mails and the request's personal data was erased
   * meanwhile (so no mail goes to an address that is gone).
   */
  changeRequest(change: RequestChange, mails: readonly NewMail[]): Promise<boolean>;
  /** Requests per status (spam left out). */
  countByStatus(): Promise<Record<RequestStatus, number>>;
  /**
   * Requests waiting on the citizen in which the officer spoke last, at or before
   * `staffSpokeBy`, with no meeting still to come (the auto-close and its reminder).
   */
  awaitingCitizen(staffSpokeBy: string): Promise<StoredRequest[]>;
  /** The closing reminder was sent for the officer's message of `forStaffMessageAt`. */
  markCloseReminder(
    requestId: number,
    forStaffMessageAt: string,
    at: string,
    mails: readonly NewMail[],
  ): Promise<void>;
  /** A citizen's message: a request waiting on them goes back to "diproses"; refused when closed. */
  addCitizenMessage(
    message: CitizenMessage,
    mails: readonly NewMail[],
  ): Promise<CitizenMessageOutcome>;
  /** Requests sent with this address, newest first (Permintaan saya). */
  requestsOf(email: string): Promise<StoredRequest[]>;
  /** When the address was confirmed; null when it was not (or is unknown). */
  addressConfirmedAt(email: string): Promise<string | null>;
  /** A one-time link for the address (its hash), until `expiresAt`; mails sent with it. */
  createCitizenToken(token: NewCitizenToken, mails: readonly NewMail[]): Promise<void>;
  /** Uses a one-time link: its address, or null when unknown, used or expired. */
  useCitizenToken(
    tokenHash: string,
    purpose: 'konfirmasi' | 'masuk',
    at: string,
  ): Promise<string | null>;
  /**
   * Confirms the address; each of its requests waiting for it gets its due date (`dueDate`)
   * and its mails (the caller reads them first with `requestsOf`).
   */
  confirmAddress(
    email: string,
    at: string,
    start: readonly { requestId: number; dueDate: string; mails: readonly NewMail[] }[],
  ): Promise<void>;
  /** Requests whose address was not confirmed, received before `before`. */
  unconfirmedBefore(before: string): Promise<StoredRequest[]>;
  /** Closes a request whose address was never confirmed and erases its personal data. */
  dropUnconfirmed(requestId: number, at: string, note: string): Promise<void>;
  createCitizenSession(session: {
    tokenHash: string;
    email: string;
    csrf: string;
    at: string;
  }): Promise<void>;
  findCitizenSession(tokenHash: string): Promise<CitizenSession | null>;
  touchCitizenSession(tokenHash: string, at: string): Promise<void>;
  endCitizenSession(tokenHash: string): Promise<void>;
  /** Erases the personal data of every request of the address, ends its sessions, forgets it. */
  eraseCitizen(email: string, at: string, note: string): Promise<number>;
  /** Proposes a meeting with its slots, its history entry and mails; returns its id. */
  proposeMeeting(
    meeting: {
      requestId: number;
      staffId: number;
      at: string;
      slots: readonly Omit<MeetingSlot, 'id'>[];
      event: string;
    },
    mails: readonly NewMail[],
  ): Promise<number>;
  meetingsOf(requestId: number): Promise<Meeting[]>;
  /** Meetings scheduled with a slot starting in [from, before). */
  meetingsStarting(from: string, before: string): Promise<Meeting[]>;
  /**
   * Moves a meeting on: chosen (slot), cancelled (by, reason), held or not. False when its
   * state no longer allows it (chosen twice, cancelled meanwhile).
   */
  updateMeeting(
    change: {
      meetingId: number;
      at: string;
      from: readonly MeetingState[];
      to: MeetingState;
      chosenSlot?: number;
      cancelledBy?: 'warga' | 'petugas';
      cancelReason?: string;
      actor: Actor;
      staffId?: number | null;
      event: string;
    },
    mails: readonly NewMail[],
  ): Promise<boolean>;
  markMeetingReminded(meetingId: number, at: string, mails: readonly NewMail[]): Promise<void>;
  /**
   * Removes personal data, free text, replies and mail of matching requests, leaving a
   * history entry with `note`; returns how many requests were erased.
   */
  erasePersonalData(
    target: ErasureTarget,
    at: string,
    actor: Actor,
    note: string,
    staffId?: number | null,
  ): Promise<number>;
  /**
   * Retention: erases personal data of requests closed before `cutoff`, of requests never
   * closed whose last activity was before it, and of spam created before it; clears rating and
   * feedback comments written before it; deletes mail sent or given up on, login attempts
   * and idle sessions before it. Returns the number of requests erased.
   */
  purgeBefore(cutoff: string, at: string, note: string): Promise<number>;
  /** Takes up to `limit` unsent mails that are due, leasing them until `leaseUntil`. */
  claimDueMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]>;
  /** Sent; the text of a one-time link (confirmation, sign-in) is emptied. */
  markMailSent(id: number, at: string): Promise<void>;
  /** A failed attempt: tried again at `retryAt`, or given up on ("gagal") when it is null. */
  markMailFailed(id: number, error: string, retryAt: string | null, at: string): Promise<void>;
  /** Pending: neither sent nor given up on. */
  listOutbox(filter: { pendingOnly: boolean; requestId?: number }): Promise<OutboxMail[]>;
  /** Mails of `purpose` queued for `to` at or after `since`. */
  countMailSince(to: string, purpose: MailPurpose, since: string): Promise<number>;
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
  /**
   * The facts of a period for the reports: [from, before) as instants, fromDay…toDay as the
   * same period's Jakarta days (visits are kept by day).
   */
  periodFacts(period: {
    from: string;
    before: string;
    fromDay: string;
    toDay: string;
  }): Promise<PeriodFacts>;
  /** An account; false when the email is taken. */
  createStaff(account: {
    email: string;
    name: string;
    role: StaffRole;
    passwordHash: string;
    at: string;
  }): Promise<boolean>;
  findStaff(email: string): Promise<StaffCredentials | null>;
  listStaff(): Promise<StaffAccount[]>;
  /** A new password; every session of the officer ends. */
  setStaffPassword(staffId: number, passwordHash: string): Promise<void>;
  /** Disabling ends every session of the officer. */
  setStaffActive(staffId: number, active: boolean): Promise<void>;
  recordLoginAttempt(attempt: {
    email: string;
    client: string;
    ok: boolean;
    at: string;
  }): Promise<void>;
  /** When logins for the email, or from the client, failed at or after `since`; oldest first. */
  loginFailuresSince(who: { email: string } | { client: string }, since: string): Promise<string[]>;
  createSession(session: {
    tokenHash: string;
    staffId: number;
    csrf: string;
    at: string;
  }): Promise<void>;
  /** The session of a token hash, with its officer, or null; disabled officers have none. */
  findSession(tokenHash: string): Promise<StaffSession | null>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  listAudit(filter: { limit: number }): Promise<AuditEntry[]>;
  /**
   * A check-in: the next number of the day and service, taken in the same write as the
   * visit (writes are serialised, so concurrent check-ins never share a number); null when
   * the random reference or ticket id is taken (the caller draws again).
   */
  insertVisit(visit: NewVisit): Promise<Visit | null>;
  /** The visits of a Jakarta day, in queue order. */
  listVisits(day: string): Promise<Visit[]>;
  findVisit(
    by: { ticketId: string } | { reference: string } | { id: number },
  ): Promise<Visit | null>;
  /**
   * Calls the first waiting visit of `services` to `desk`; 'busy' when the desk still has a
   * visit called or being served, 'empty' when nobody waits. Audited in the same write.
   */
  callNextVisit(call: {
    day: string;
    desk: string;
    services: readonly string[];
    staffId: number;
    at: string;
  }): Promise<Visit | 'busy' | 'empty'>;
  /** A desk's action on its visit, audited and with its mails in the same write; null when refused. */
  actOnVisit(
    act: { visitId: number; desk: string; staffId: number; at: string; action: VisitAction },
    mails: readonly NewMail[],
  ): Promise<Visit | null>;
  createKioskLink(link: {
    tokenHash: string;
    label: string;
    staffId: number | null;
    at: string;
    expiresAt: string;
  }): Promise<void>;
  /** Uses a pairing link and pairs the device (its cookie's hash); null when unknown, used or expired. */
  pairKiosk(linkHash: string, deviceHash: string, at: string): Promise<KioskDevice | null>;
  /** The paired device of a cookie's hash, or null (unknown or revoked). */
  findKioskDevice(tokenHash: string): Promise<KioskDevice | null>;
  listKioskDevices(): Promise<KioskDevice[]>;
  revokeKioskDevice(id: number, at: string, staffId: number): Promise<boolean>;
  close(): Promise<void>;
}
