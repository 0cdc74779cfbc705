/**
 * From a database row to the Store's records, for both adapters: the schemas keep the same
 * column names and the same values (ISO text for times, 0/1 for flags), so one mapping serves
 * node:sqlite's rows and PostgreSQL's alike.
 */
import type {
  HistoryEntry,
  KioskDevice,
  MailAttachment,
  Actor,
  OutboxMail,
  RequestStatus,
  StaffAccount,
  StaffCredentials,
  StaffRole,
  StoredRequest,
  Visit,
} from './store.ts';

export type Row = Record<string, unknown>;

// Content columns of a request and their field names; erasure empties all but the choices.
export const CONTENT_COLUMNS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  topic: 'topic',
  question: 'question',
  channel: 'channel',
  category: 'category',
  description: 'description',
  identity: 'identity',
  related_reference: 'relatedReference',
} as const;
export const ERASED_COLUMNS = [
  'name',
  'email',
  'phone',
  'topic',
  'question',
  'description',
  'related_reference',
];

export const ANSWERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];

export function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function toRequest(row: Row): StoredRequest {
  const request: StoredRequest = {
    id: Number(row.id),
    kind: row.kind as StoredRequest['kind'],
    reference: String(row.reference),
    idempotencyKey: optional(row.idempotency_key) ?? null,
    createdAt: String(row.created_at),
    dueDate: String(row.due_date),
    status: row.status as RequestStatus,
    statusChangedAt: String(row.status_changed_at),
    spam: row.spam === 1,
    erasedAt: optional(row.erased_at) ?? null,
    assignedTo:
      row.assigned_to === null || row.assigned_to === undefined ? null : Number(row.assigned_to),
    version: Number(row.version ?? 0),
    accessKeyHash: optional(row.access_key_hash) ?? null,
    emailConfirmed: row.email_confirmed !== 0,
    originalDueDate: optional(row.original_due_date) ?? String(row.due_date),
    clockSuspended: row.clock_suspended === 1,
    clockRestartedAt: optional(row.clock_restarted_at) ?? null,
    lastStaffMessageAt: optional(row.last_staff_message_at) ?? null,
    lastCitizenMessageAt: optional(row.last_citizen_message_at) ?? null,
    closeReminderFor: optional(row.close_reminder_for) ?? null,
  };
  for (const [column, field] of Object.entries(CONTENT_COLUMNS)) {
    const value = optional(row[column]);
    if (value !== undefined) request[field] = value;
  }
  return request;
}

export function toHistory(row: Row): HistoryEntry {
  return {
    at: String(row.at),
    actor: row.actor as Actor,
    status: row.status as RequestStatus,
    reply: optional(row.reply) ?? null,
    note: optional(row.note) ?? null,
    staffId: row.staff_id === null || row.staff_id === undefined ? null : Number(row.staff_id),
    staffName: optional(row.staff_name) ?? null,
    event: optional(row.event) ?? null,
    eventPublic: row.event_public === 1,
    message: optional(row.message) ?? null,
  };
}

export function toStaff(row: Row): StaffCredentials {
  return {
    id: Number(row.id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as StaffRole,
    active: row.active === 1,
    createdAt: String(row.created_at),
    lastLoginAt: optional(row.last_login_at) ?? null,
    passwordHash: String(row.password_hash),
  };
}

export function account(credentials: StaffCredentials): StaffAccount {
  const { passwordHash: _hash, ...rest } = credentials;
  return rest;
}

export function toMail(row: Row): OutboxMail {
  return {
    id: Number(row.id),
    requestId: row.request_id === null ? null : Number(row.request_id),
    to: String(row.recipient),
    subject: String(row.subject),
    text: String(row.body),
    purpose: row.purpose as OutboxMail['purpose'],
    createdAt: String(row.created_at),
    attempts: Number(row.attempts),
    nextAttemptAt: String(row.next_attempt_at),
    sentAt: optional(row.sent_at) ?? null,
    failedAt: optional(row.failed_at) ?? null,
    lastError: optional(row.last_error) ?? null,
    ...(row.attachments
      ? { attachments: JSON.parse(String(row.attachments)) as MailAttachment[] }
      : {}),
  };
}

const text = (value: unknown) =>
  value === null || value === undefined ? undefined : String(value);
const nullable = (value: unknown) => text(value) ?? null;

/** The ticket's number as shown and spoken: prefix, then three digits (K-007). */
export const ticketNumber = (prefix: string, seq: number) =>
  `${prefix}-${String(seq).padStart(3, '0')}`;

export function toVisit(row: Row): Visit {
  return {
    id: Number(row.id),
    reference: String(row.reference),
    ticketId: String(row.ticket_id),
    day: String(row.day),
    service: String(row.service),
    number: ticketNumber(String(row.prefix), Number(row.seq)),
    seq: Number(row.seq),
    state: row.state as Visit['state'],
    skips: Number(row.skips),
    calls: Number(row.calls),
    queuedAt: String(row.queued_at),
    arrivedAt: String(row.arrived_at),
    calledAt: nullable(row.called_at),
    startedAt: nullable(row.started_at),
    finishedAt: nullable(row.finished_at),
    desk: nullable(row.desk),
    staffId: row.staff_id === null ? null : Number(row.staff_id),
    staffName: nullable(row.staff_name),
    name: text(row.name),
    phone: text(row.phone),
    email: text(row.email),
    institution: text(row.institution),
    topic: text(row.topic),
    note: text(row.note),
    followUpReference: nullable(row.follow_up_reference),
    erasedAt: nullable(row.erased_at),
  };
}

export function toDevice(row: Row): KioskDevice {
  return {
    id: Number(row.id),
    label: String(row.label),
    createdAt: String(row.created_at),
    lastSeenAt: nullable(row.last_seen_at),
    revokedAt: nullable(row.revoked_at),
  };
}
