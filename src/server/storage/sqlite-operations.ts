/**
 * All SQL of the SQLite store, as synchronous functions over one node:sqlite connection. They
 * run inside the store's worker thread (sqlite-worker.ts): reads at once, writes inside the
 * group-commit transaction, each in a savepoint of its own, so none of them opens or commits a
 * transaction itself.
 */
import type {
  DatabaseSync,
  SQLInputValue,
  StatementResultingChanges,
  StatementSync,
} from 'node:sqlite';
import type {
  MailAttachment,
  Meeting,
  MeetingMode,
  MeetingState,
  Actor,
  ErasureTarget,
  HistoryEntry,
  InsertOutcome,
  NewCitizenToken,
  NewMail,
  OutboxMail,
  RequestFilter,
  RequestStatus,
  StaffAccount,
  StaffCredentials,
  StaffRole,
  Store,
  StoredRequest,
} from './store.ts';
import {
  ANSWERS,
  CONTENT_COLUMNS,
  ERASED_COLUMNS,
  account,
  optional,
  toHistory,
  toMail,
  toRequest,
  toStaff,
  type Row,
} from './rows.ts';
import { periodFacts } from './report-sql.ts';
import { purgeSearchesBefore, recordSearch, searchGaps } from './search-sql.ts';
import {
  actOnVisit,
  callNextVisit,
  createKioskLink,
  eraseVisits,
  findKioskDevice,
  findVisit,
  insertVisit,
  listKioskDevices,
  listVisits,
  pairKiosk,
  revokeKioskDevice,
} from './visit-sql.ts';

type Params = Record<string, SQLInputValue>;

/** A prepared statement of the store: its `:office` is bound to the store's office. */
export interface Statement {
  get(params?: Params): unknown;
  all(params?: Params): unknown[];
  run(params?: Params): StatementResultingChanges;
}

/** The store's statement cache: a statement per text, prepared once. */
export type Sql = (text: string) => Statement;

/** Binds `:office` of `text`, so no statement can forget it and no caller can pass another. */
function scoped(statement: StatementSync, text: string, office: string): Statement {
  const bind = text.includes(':office')
    ? (params: Params = {}) => ({ ...params, office })
    : (params: Params = {}) => params;
  return {
    get: (params) => statement.get(bind(params)),
    all: (params) => statement.all(bind(params)),
    run: (params) => statement.run(bind(params)),
  };
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && error.message.includes(`UNIQUE constraint failed: ${column}`);
}

/** The Store's methods, made synchronous (what each promise of the Store resolves to). */
type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export type ReadOperations = Synchronous<
  Pick<
    Store,
    | 'findRequest'
    | 'history'
    | 'listRequests'
    | 'countByStatus'
    | 'listOutbox'
    | 'countMailSince'
    | 'feedbackSummary'
    | 'ratingMeans'
    | 'periodFacts'
    | 'findStaff'
    | 'listStaff'
    | 'loginFailuresSince'
    | 'findSession'
    | 'listAudit'
    | 'searchGaps'
    | 'ratedReferences'
    | 'awaitingCitizen'
    | 'requestsOf'
    | 'addressConfirmedAt'
    | 'unconfirmedBefore'
    | 'findCitizenSession'
    | 'meetingsOf'
    | 'meetingsStarting'
    | 'listVisits'
    | 'findVisit'
    | 'findKioskDevice'
    | 'listKioskDevices'
  >
>;

export type WriteOperations = Synchronous<
  Pick<
    Store,
    | 'ping'
    | 'insertRequest'
    | 'insertRating'
    | 'insertFeedback'
    | 'changeRequest'
    | 'createStaff'
    | 'setStaffPassword'
    | 'setStaffActive'
    | 'recordLoginAttempt'
    | 'createSession'
    | 'touchSession'
    | 'endSession'
    | 'audit'
    | 'markCloseReminder'
    | 'addCitizenMessage'
    | 'createCitizenToken'
    | 'useCitizenToken'
    | 'confirmAddress'
    | 'dropUnconfirmed'
    | 'createCitizenSession'
    | 'touchCitizenSession'
    | 'endCitizenSession'
    | 'eraseCitizen'
    | 'proposeMeeting'
    | 'updateMeeting'
    | 'markMeetingReminded'
    | 'erasePersonalData'
    | 'purgeBefore'
    | 'claimDueMail'
    | 'markMailSent'
    | 'markMailFailed'
    | 'recordSearch'
    | 'purgeSearchesBefore'
    | 'insertVisit'
    | 'callNextVisit'
    | 'actOnVisit'
    | 'createKioskLink'
    | 'pairKiosk'
    | 'revokeKioskDevice'
  >
>;

/** The operations of one office (its code): every statement reads and writes its rows only. */
export function sqliteOperations(
  db: DatabaseSync,
  office: string,
  now: () => string,
): { reads: ReadOperations; writes: WriteOperations } {
  const statements = new Map<string, Statement>();
  function sql(text: string): Statement {
    let statement = statements.get(text);
    if (!statement) {
      statement = scoped(db.prepare(text), text, office);
      statements.set(text, statement);
    }
    return statement;
  }

  const requestById = (id: number) =>
    toRequest(sql('SELECT * FROM requests WHERE id = :id AND office = :office').get({ id }) as Row);

  function addHistory(
    requestId: number,
    entry: HistoryEntry,
    idempotencyKey: string | null = null,
  ): void {
    sql(
      `INSERT INTO history (office, request_id, at, actor, status, reply, note, staff_id, event, event_public, message, idempotency_key)
       VALUES (:office, :requestId, :at, :actor, :status, :reply, :note, :staffId, :event, :eventPublic, :message, :key)`,
    ).run({
      requestId,
      at: entry.at,
      actor: entry.actor,
      status: entry.status,
      reply: entry.reply,
      note: entry.note,
      staffId: entry.staffId ?? null,
      event: entry.event ?? null,
      eventPublic: entry.eventPublic ? 1 : 0,
      message: entry.message ?? null,
      key: idempotencyKey,
    });
  }

  function createCitizenToken(
    { tokenHash, email, purpose, at, expiresAt }: NewCitizenToken,
    mails: readonly NewMail[],
  ): void {
    sql(
      `INSERT INTO citizen_tokens (office, token_hash, email, purpose, created_at, expires_at)
       VALUES (:office, :tokenHash, :email, :purpose, :at, :expiresAt)`,
    ).run({ tokenHash, email: email.toLowerCase(), purpose, at, expiresAt });
    sql(
      `INSERT INTO citizens (office, email, created_at) VALUES (:office, :email, :at)
       ON CONFLICT (office, email) DO NOTHING`,
    ).run({ email: email.toLowerCase(), at });
    queueMails(null, at, mails);
  }

  /** Whether a confirmation link for the address is still valid (one mail per wait). */
  function confirmationPending(email: string, at: string): boolean {
    return (
      sql(
        `SELECT 1 FROM citizen_tokens WHERE office = :office AND email = :email AND purpose = 'konfirmasi'
           AND used_at IS NULL AND expires_at > :at LIMIT 1`,
      ).get({ email: email.toLowerCase(), at }) !== undefined
    );
  }

  function queueMails(requestId: number | null, at: string, mails: readonly NewMail[]): void {
    for (const mail of mails) {
      sql(
        `INSERT INTO outbox (office, request_id, recipient, subject, body, purpose, created_at, next_attempt_at, attachments)
         VALUES (:office, :requestId, :to, :subject, :text, :purpose, :at, :at, :attachments)`,
      ).run({
        requestId,
        at,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        purpose: mail.purpose,
        attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      });
    }
  }

  function erase(
    id: number,
    at: string,
    actor: Actor,
    note: string,
    staffId: number | null = null,
  ): void {
    const { status } = requestById(id);
    sql(
      `UPDATE requests SET ${ERASED_COLUMNS.map((c) => `${c} = NULL`).join(', ')}, access_key_hash = NULL,
         erased_at = :at, version = version + 1 WHERE id = :id AND office = :office`,
    ).run({
      id,
      at,
    });
    sql(
      `UPDATE history SET reply = NULL, note = NULL, message = NULL
       WHERE request_id = :id AND office = :office`,
    ).run({ id });
    sql('UPDATE meetings SET cancel_reason = NULL WHERE request_id = :id AND office = :office').run(
      { id },
    );
    sql('DELETE FROM outbox WHERE request_id = :id AND office = :office').run({ id });
    addHistory(id, { at, actor, status, reply: null, note, staffId });
  }

  /** A visitor's guest-book entries and the rating invitations still waiting for them. */
  function eraseVisitsOf(email: string, at: string): number {
    sql(
      `DELETE FROM outbox WHERE office = :office AND request_id IS NULL AND purpose = 'rating_invitation'
         AND recipient = :email AND sent_at IS NULL`,
    ).run({ email });
    return eraseVisits(sql, 'email = :email', { email }, at);
  }

  function requestWhere(filter: RequestFilter): { where: string; params: Params } {
    const clauses: string[] = ['office = :office'];
    const params: Params = { office };
    const add = (clause: string, name: string, value: SQLInputValue | undefined) => {
      if (value === undefined) return;
      clauses.push(clause);
      params[name] = value;
    };
    if (filter.status?.length) {
      clauses.push(`status IN (${filter.status.map((_, i) => `:status${i}`).join(', ')})`);
      filter.status.forEach((status, index) => (params[`status${index}`] = status));
    }
    add('kind = :kind', 'kind', filter.kind);
    add('due_date <= :due', 'due', filter.dueOnOrBefore);
    add('created_at >= :from', 'from', filter.createdFrom);
    add('created_at < :before', 'before', filter.createdBefore);
    add('channel = :channel', 'channel', filter.channel);
    add('assigned_to = :assignedTo', 'assignedTo', filter.assignedTo);
    add("due_date < :overdueOn AND status <> 'selesai'", 'overdueOn', filter.overdueOn);
    if (filter.search?.trim()) {
      // LIKE with the wildcards of the typed text escaped: "50%" searches for "50%".
      clauses.push(
        `(${['reference', 'name', 'email', 'topic', 'question', 'description'].map((c) => `${c} LIKE :search ESCAPE '\\'`).join(' OR ')})`,
      );
      params.search = `%${filter.search.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    }
    const spam = filter.spam ?? 'exclude';
    if (spam !== 'include') clauses.push(spam === 'only' ? 'spam = 1' : 'spam = 0');
    return { where: `WHERE ${clauses.join(' AND ')}`, params };
  }

  function insertOnce(
    table: 'ratings' | 'feedback',
    columns: Params,
  ): { outcome: InsertOutcome; createdAt: string } {
    const names = Object.keys(columns);
    const inserted = sql(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `:${n}`).join(', ')})
       ON CONFLICT (office, idempotency_key) DO NOTHING RETURNING created_at`,
    ).get(columns) as Row | undefined;
    if (inserted) return { outcome: 'created', createdAt: String(inserted.created_at) };
    const first = sql(
      `SELECT created_at FROM ${table} WHERE office = :office AND idempotency_key = :key`,
    ).get({
      key: columns.idempotency_key,
    }) as Row;
    return { outcome: 'replayed', createdAt: String(first.created_at) };
  }

  function meetingsWhere(where: string, params: Params): Meeting[] {
    const meetings = sql(
      `SELECT meetings.*, requests.reference FROM meetings JOIN requests ON requests.id = meetings.request_id
       WHERE meetings.office = :office AND ${where} ORDER BY meetings.id`,
    ).all(params) as Row[];
    return meetings.map((row) => ({
      id: Number(row.id),
      requestId: Number(row.request_id),
      reference: String(row.reference),
      proposedBy: row.proposed_by === null ? null : Number(row.proposed_by),
      proposedAt: String(row.proposed_at),
      state: row.state as MeetingState,
      chosenSlot: row.chosen_slot === null ? null : Number(row.chosen_slot),
      cancelledBy: (optional(row.cancelled_by) as Meeting['cancelledBy']) ?? null,
      cancelReason: optional(row.cancel_reason) ?? null,
      remindedAt: optional(row.reminded_at) ?? null,
      slots: (
        sql(
          'SELECT * FROM meeting_slots WHERE meeting_id = :id AND office = :office ORDER BY starts_at, id',
        ).all({
          id: Number(row.id),
        }) as Row[]
      ).map((slot) => ({
        id: Number(slot.id),
        startsAt: String(slot.starts_at),
        minutes: Number(slot.minutes),
        mode: slot.mode as MeetingMode,
        link: optional(slot.link) ?? null,
      })),
    }));
  }

  // A meeting proposed and not yet answered, or scheduled and not yet recorded: still to come.
  const MEETING_PENDING = "state IN ('diusulkan', 'dijadwalkan')";

  const reads: ReadOperations = {
    searchGaps: (period) => searchGaps(sql, period),
    periodFacts: (period) => periodFacts(sql, period),
    listVisits: (day) => listVisits(sql, day),
    findVisit: (by) => findVisit(sql, by),
    findKioskDevice: (tokenHash) => findKioskDevice(sql, tokenHash),
    listKioskDevices: () => listKioskDevices(sql),

    ratedReferences(references) {
      if (references.length === 0) return [];
      const names = references.map((_, index) => `:r${index}`);
      const params = Object.fromEntries(
        references.map((reference, index) => [`r${index}`, reference]),
      );
      return (
        sql(
          `SELECT DISTINCT reference FROM ratings
           WHERE office = :office AND spam = 0 AND reference IN (${names.join(', ')})`,
        ).all(params) as Row[]
      ).map((row) => String(row.reference));
    },

    awaitingCitizen(staffSpokeBy) {
      return (
        sql(
          `SELECT * FROM requests WHERE office = :office AND status = 'menunggu_pengguna' AND erased_at IS NULL
             AND last_staff_message_at IS NOT NULL AND last_staff_message_at <= :by
             AND (last_citizen_message_at IS NULL OR last_citizen_message_at < last_staff_message_at)
             AND NOT EXISTS (SELECT 1 FROM meetings WHERE request_id = requests.id AND ${MEETING_PENDING})
           ORDER BY last_staff_message_at`,
        ).all({ by: staffSpokeBy }) as Row[]
      ).map(toRequest);
    },

    requestsOf(email) {
      return (
        sql(
          `SELECT * FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL
           ORDER BY created_at DESC, id DESC`,
        ).all({ email: email.toLowerCase() }) as Row[]
      ).map(toRequest);
    },

    addressConfirmedAt(email) {
      const row = sql(
        'SELECT confirmed_at FROM citizens WHERE office = :office AND email = :email',
      ).get({
        email: email.toLowerCase(),
      }) as Row | undefined;
      return optional(row?.confirmed_at) ?? null;
    },

    unconfirmedBefore(before) {
      return (
        sql(
          `SELECT * FROM requests WHERE office = :office AND email_confirmed = 0 AND erased_at IS NULL
             AND created_at < :before`,
        ).all({ before }) as Row[]
      ).map(toRequest);
    },

    findCitizenSession(tokenHash) {
      const row = sql(
        'SELECT * FROM citizen_sessions WHERE token_hash = :tokenHash AND office = :office',
      ).get({
        tokenHash,
      }) as Row | undefined;
      return row
        ? {
            email: String(row.email),
            csrf: String(row.csrf),
            createdAt: String(row.created_at),
            lastSeenAt: String(row.last_seen_at),
          }
        : null;
    },

    meetingsOf(requestId) {
      return meetingsWhere('meetings.request_id = :requestId', { requestId });
    },

    meetingsStarting(from, before) {
      return meetingsWhere(
        `meetings.state = 'dijadwalkan' AND EXISTS (SELECT 1 FROM meeting_slots
           WHERE meeting_slots.id = meetings.chosen_slot AND starts_at >= :from AND starts_at < :before)`,
        { from, before },
      );
    },

    findRequest(reference) {
      const row = sql(
        'SELECT * FROM requests WHERE office = :office AND reference = :reference',
      ).get({ reference }) as Row | undefined;
      return row ? toRequest(row) : null;
    },

    history(requestId) {
      return (
        sql(
          `SELECT history.*, staff_users.name AS staff_name FROM history
           LEFT JOIN staff_users ON staff_users.id = history.staff_id
           WHERE request_id = :requestId AND history.office = :office ORDER BY history.id`,
        ).all({ requestId }) as Row[]
      ).map(toHistory);
    },

    listRequests(filter) {
      const { where, params } = requestWhere(filter);
      const total = Number(
        (db.prepare(`SELECT COUNT(*) AS total FROM requests ${where}`).get(params) as Row).total,
      );
      const rows = db
        .prepare(
          // Soonest due first; among requests due the same day, those the citizen answered since
          // the officer last wrote, then the newest, so what just came in is seen.
          `SELECT requests.*, (SELECT json_group_array(DISTINCT staff_users.name) FROM history
              JOIN staff_users ON staff_users.id = history.staff_id
              WHERE history.request_id = requests.id AND history.reply IS NOT NULL) AS replied_by
           FROM requests ${where}
           ORDER BY due_date, (last_citizen_message_at > COALESCE(last_staff_message_at, '')) DESC,
             created_at DESC, id DESC
           LIMIT :limit OFFSET :offset`,
        )
        .all({ ...params, limit: filter.limit ?? -1, offset: filter.offset ?? 0 }) as Row[];
      return {
        total,
        items: rows.map((row) => ({
          ...toRequest(row),
          repliedBy: JSON.parse(String(row.replied_by)) as string[],
        })),
      };
    },

    countByStatus() {
      const counts: Record<RequestStatus, number> = {
        baru: 0,
        diproses: 0,
        menunggu_pengguna: 0,
        selesai: 0,
      };
      for (const row of sql(
        'SELECT status, COUNT(*) AS n FROM requests WHERE office = :office AND spam = 0 GROUP BY status',
      ).all() as Row[]) {
        counts[row.status as RequestStatus] = Number(row.n);
      }
      return counts;
    },

    findStaff(email) {
      const row = sql('SELECT * FROM staff_users WHERE office = :office AND email = :email').get({
        email: email.toLowerCase(),
      }) as Row | undefined;
      return row ? toStaff(row) : null;
    },

    listStaff() {
      return (
        sql(
          'SELECT * FROM staff_users WHERE office = :office ORDER BY active DESC, name, email',
        ).all() as Row[]
      ).map((row) => account(toStaff(row)));
    },

    loginFailuresSince(who, since) {
      const rows = (
        'email' in who
          ? // A successful login starts the count again for its email (not for the address).
            sql(
              `SELECT at FROM login_attempts WHERE office = :office AND email = :email AND ok = 0
                 AND at >= :since
                 AND at > COALESCE((SELECT MAX(at) FROM login_attempts
                   WHERE office = :office AND email = :email AND ok = 1), '')
               ORDER BY at`,
            ).all({
              email: who.email.toLowerCase(),
              since,
            })
          : sql(
              `SELECT at FROM login_attempts WHERE office = :office AND client = :client AND ok = 0
                 AND at >= :since ORDER BY at`,
            ).all({
              client: who.client,
              since,
            })
      ) as Row[];
      return rows.map((row) => String(row.at));
    },

    findSession(tokenHash) {
      const row = sql(
        `SELECT staff_sessions.csrf, staff_sessions.created_at AS session_created_at, staff_sessions.last_seen_at,
                staff_users.*
         FROM staff_sessions JOIN staff_users ON staff_users.id = staff_sessions.staff_id
         WHERE token_hash = :tokenHash AND staff_sessions.office = :office
           AND staff_users.office = :office AND staff_users.active = 1`,
      ).get({ tokenHash }) as Row | undefined;
      if (!row) return null;
      return {
        staff: account(toStaff(row)),
        csrf: String(row.csrf),
        createdAt: String(row.session_created_at),
        lastSeenAt: String(row.last_seen_at),
      };
    },

    listAudit({ limit }) {
      return (
        sql('SELECT * FROM audit_log WHERE office = :office ORDER BY id DESC LIMIT :limit').all({
          limit,
        }) as Row[]
      ).map((row) => ({
        at: String(row.at),
        staffId: row.staff_id === null ? null : Number(row.staff_id),
        action: String(row.action),
        target: optional(row.target) ?? null,
      }));
    },

    listOutbox({ pendingOnly, requestId }) {
      const rows = sql(
        `SELECT * FROM outbox
         WHERE office = :office AND (:pendingOnly = 0 OR (sent_at IS NULL AND failed_at IS NULL))
           AND (:requestId IS NULL OR request_id = :requestId)
         ORDER BY id`,
      ).all({ pendingOnly: pendingOnly ? 1 : 0, requestId: requestId ?? null }) as Row[];
      return rows.map(toMail);
    },

    countMailSince(to, purpose, since) {
      const row = sql(
        `SELECT COUNT(*) AS n FROM outbox WHERE office = :office AND recipient = :to
           AND purpose = :purpose AND created_at >= :since`,
      ).get({ to, purpose, since }) as Row;
      return Number(row.n);
    },

    feedbackSummary({ from }) {
      const rows = sql(
        `SELECT page,
                SUM(helpful = 1 AND context IS NULL) AS helpful,
                SUM(helpful = 0) AS not_helpful,
                SUM(context = 'saran_konsultasi') AS answered
         FROM feedback WHERE office = :office AND spam = 0 AND (:from IS NULL OR created_at >= :from)
         GROUP BY page ORDER BY not_helpful DESC, page`,
      ).all({ from: from ?? null }) as Row[];
      const comments = sql(
        `SELECT comment FROM feedback WHERE office = :office AND page = :page AND spam = 0
         AND comment IS NOT NULL
         AND (:from IS NULL OR created_at >= :from) ORDER BY created_at DESC, id DESC LIMIT 5`,
      );
      return rows.map((row) => ({
        page: String(row.page),
        helpful: Number(row.helpful),
        notHelpful: Number(row.not_helpful),
        answeredQuestions: Number(row.answered),
        comments: (comments.all({ page: String(row.page), from: from ?? null }) as Row[]).map((c) =>
          String(c.comment),
        ),
      }));
    },

    ratingMeans({ from, before }) {
      const row = sql(
        `SELECT COUNT(*) AS count, ${ANSWERS.map((u) => `AVG(${u}) AS ${u}`).join(', ')} FROM ratings
         WHERE office = :office AND spam = 0 AND (:from IS NULL OR created_at >= :from)
           AND (:before IS NULL OR created_at < :before)`,
      ).get({ from: from ?? null, before: before ?? null }) as Row;
      return { count: Number(row.count), means: ANSWERS.map((u) => Number(row[u] ?? 0)) };
    },
  };

  const writes: WriteOperations = {
    insertVisit: (visit) => insertVisit(sql, visit),
    callNextVisit: (call) => callNextVisit(sql, call),
    actOnVisit: (act, mails) => actOnVisit(sql, act, () => queueMails(null, act.at, mails)),
    createKioskLink: (link) => createKioskLink(sql, link),
    pairKiosk: (linkHash, deviceHash, at) => pairKiosk(sql, linkHash, deviceHash, at),
    revokeKioskDevice: (id, at, staffId) => revokeKioskDevice(sql, id, at, staffId),
    recordSearch: (search) => recordSearch(sql, search),
    purgeSearchesBefore: (day) => purgeSearchesBefore(sql, day),

    markCloseReminder(requestId, forStaffMessageAt, at, mails) {
      sql('UPDATE requests SET close_reminder_for = :for WHERE id = :id AND office = :office').run({
        id: requestId,
        for: forStaffMessageAt,
      });
      queueMails(requestId, at, mails);
    },

    addCitizenMessage(message, mails) {
      if (message.idempotencyKey) {
        const replay = sql(
          'SELECT 1 FROM history WHERE office = :office AND idempotency_key = :key',
        ).get({
          key: message.idempotencyKey,
        });
        if (replay) return 'replayed';
      }
      const current = requestById(message.requestId);
      if (current.status === 'selesai' || current.erasedAt) return 'closed';
      const status: RequestStatus =
        current.status === 'menunggu_pengguna' ? 'diproses' : current.status;
      sql(
        `UPDATE requests SET status = :status, version = version + 1, last_citizen_message_at = :at,
           status_changed_at = CASE WHEN :status <> status THEN :at ELSE status_changed_at END,
           clock_suspended = 0,
           due_date = COALESCE(:due, due_date),
           clock_restarted_at = CASE WHEN :due IS NULL THEN clock_restarted_at ELSE :at END
         WHERE id = :id AND office = :office`,
      ).run({
        id: message.requestId,
        status,
        at: message.at,
        due: current.clockSuspended ? message.resumedDueDate : null,
      });
      addHistory(
        message.requestId,
        {
          at: message.at,
          actor: 'warga',
          status,
          reply: null,
          note: null,
          message: message.message,
        },
        message.idempotencyKey,
      );
      queueMails(message.requestId, message.at, mails);
      return 'created';
    },

    createCitizenToken(token, mails) {
      createCitizenToken(token, mails);
    },

    useCitizenToken(tokenHash, purpose, at) {
      const row = sql(
        `UPDATE citizen_tokens SET used_at = :at
         WHERE token_hash = :tokenHash AND office = :office AND purpose = :purpose
           AND used_at IS NULL AND expires_at > :at RETURNING email`,
      ).get({ tokenHash, purpose, at }) as Row | undefined;
      return row ? String(row.email) : null;
    },

    confirmAddress(email, at, start) {
      sql(
        `INSERT INTO citizens (office, email, created_at, confirmed_at) VALUES (:office, :email, :at, :at)
         ON CONFLICT (office, email) DO UPDATE SET confirmed_at = COALESCE(confirmed_at, :at)`,
      ).run({ email: email.toLowerCase(), at });
      for (const { requestId, dueDate, mails } of start) {
        const started = sql(
          `UPDATE requests SET email_confirmed = 1, due_date = :dueDate, original_due_date = :dueDate,
             version = version + 1
           WHERE id = :id AND office = :office AND email_confirmed = 0 AND erased_at IS NULL
           RETURNING status`,
        ).get({ id: requestId, dueDate }) as Row | undefined;
        if (!started) continue;
        addHistory(requestId, {
          at,
          actor: 'warga',
          status: started.status as RequestStatus,
          reply: null,
          note: null,
          event: 'Email dikonfirmasi; batas waktu mulai berjalan',
          eventPublic: true,
        });
        queueMails(requestId, at, mails);
      }
    },

    dropUnconfirmed(requestId, at, note) {
      sql(
        `UPDATE requests SET status = 'selesai', status_changed_at = :at, version = version + 1
         WHERE id = :id AND office = :office AND email_confirmed = 0`,
      ).run({ id: requestId, at });
      erase(requestId, at, 'sistem', note);
    },

    createCitizenSession({ tokenHash, email, csrf, at }) {
      sql(
        `INSERT INTO citizen_sessions (office, token_hash, email, csrf, created_at, last_seen_at)
         VALUES (:office, :tokenHash, :email, :csrf, :at, :at)`,
      ).run({ tokenHash, email: email.toLowerCase(), csrf, at });
    },

    touchCitizenSession(tokenHash, at) {
      sql(
        'UPDATE citizen_sessions SET last_seen_at = :at WHERE token_hash = :tokenHash AND office = :office',
      ).run({
        tokenHash,
        at,
      });
    },

    endCitizenSession(tokenHash) {
      sql('DELETE FROM citizen_sessions WHERE token_hash = :tokenHash AND office = :office').run({
        tokenHash,
      });
    },

    eraseCitizen(email, at, note) {
      const address = email.toLowerCase();
      const rows = sql(
        'SELECT id FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL',
      ).all({ email: address }) as Row[];
      for (const row of rows) erase(Number(row.id), at, 'warga', note);
      eraseVisitsOf(address, at);
      for (const table of ['citizen_sessions', 'citizen_tokens', 'citizens'])
        sql(`DELETE FROM ${table} WHERE office = :office AND email = :email`).run({
          email: address,
        });
      return rows.length;
    },

    proposeMeeting({ requestId, staffId, at, slots, event }, mails) {
      const { status } = requestById(requestId);
      const meeting = sql(
        `INSERT INTO meetings (office, request_id, proposed_by, proposed_at, state, updated_at)
         VALUES (:office, :requestId, :staffId, :at, 'diusulkan', :at) RETURNING id`,
      ).get({ requestId, staffId, at }) as Row;
      const meetingId = Number(meeting.id);
      for (const slot of slots) {
        sql(
          `INSERT INTO meeting_slots (office, meeting_id, starts_at, minutes, mode, link)
           VALUES (:office, :meetingId, :startsAt, :minutes, :mode, :link)`,
        ).run({
          meetingId,
          startsAt: slot.startsAt,
          minutes: slot.minutes,
          mode: slot.mode,
          link: slot.link,
        });
      }
      sql(
        `UPDATE requests SET version = version + 1, last_staff_message_at = :at
         WHERE id = :id AND office = :office`,
      ).run({ id: requestId, at });
      addHistory(requestId, {
        at,
        actor: 'petugas',
        status,
        reply: null,
        note: null,
        staffId,
        event,
      });
      queueMails(requestId, at, mails);
      return meetingId;
    },

    updateMeeting(change, mails) {
      const meeting = sql(
        'SELECT request_id, state FROM meetings WHERE id = :id AND office = :office',
      ).get({
        id: change.meetingId,
      }) as Row | undefined;
      if (!meeting || !change.from.includes(meeting.state as MeetingState)) return false;
      sql(
        `UPDATE meetings SET state = :to, updated_at = :at,
           chosen_slot = COALESCE(:chosenSlot, chosen_slot),
           cancelled_by = COALESCE(:cancelledBy, cancelled_by),
           cancel_reason = COALESCE(:cancelReason, cancel_reason)
         WHERE id = :id AND office = :office`,
      ).run({
        id: change.meetingId,
        to: change.to,
        at: change.at,
        chosenSlot: change.chosenSlot ?? null,
        cancelledBy: change.cancelledBy ?? null,
        cancelReason: change.cancelReason ?? null,
      });
      const requestId = Number(meeting.request_id);
      const { status } = requestById(requestId);
      sql('UPDATE requests SET version = version + 1 WHERE id = :id AND office = :office').run({
        id: requestId,
      });
      addHistory(requestId, {
        at: change.at,
        actor: change.actor,
        status,
        reply: null,
        note: null,
        staffId: change.staffId ?? null,
        event: change.event,
        eventPublic: true,
      });
      queueMails(requestId, change.at, mails);
      return true;
    },

    markMeetingReminded(meetingId, at, mails) {
      const meeting = sql(
        `UPDATE meetings SET reminded_at = :at
         WHERE id = :id AND office = :office AND reminded_at IS NULL RETURNING request_id`,
      ).get({ id: meetingId, at }) as Row | undefined;
      if (meeting) queueMails(Number(meeting.request_id), at, mails);
    },

    // A write that reaches the file: a locked database fails it, as it would a submission. A
    // database at its page limit still takes this one-row update (the page exists), so the
    // limit is compared too: submissions need new pages.
    ping() {
      sql(
        `INSERT INTO health (office, checked_at) VALUES (:office, :at)
         ON CONFLICT (office) DO UPDATE SET checked_at = :at`,
      ).run({ at: now() });
      const { pages, limit } = sql(
        'SELECT (SELECT page_count FROM pragma_page_count) AS pages, (SELECT max_page_count FROM pragma_max_page_count) AS "limit"',
      ).get() as { pages: number; limit: number };
      if (pages >= limit)
        throw Object.assign(new Error('database or disk is full'), { errcode: 13 });
    },

    insertRequest(request, mails, confirmation) {
      let inserted: Row | undefined;
      try {
        inserted = sql(
          `INSERT INTO requests (office, reference, kind, status, idempotency_key, created_at, due_date, original_due_date,
             status_changed_at, spam, access_key_hash, email_confirmed, ${Object.keys(CONTENT_COLUMNS).join(', ')})
           VALUES (:office, :reference, :kind, 'baru', :key, :createdAt, :dueDate, :dueDate, :createdAt, :spam,
             :accessKeyHash, :emailConfirmed,
             ${Object.keys(CONTENT_COLUMNS)
               .map((c) => `:${c}`)
               .join(', ')})
           ON CONFLICT (office, kind, idempotency_key) DO NOTHING RETURNING id`,
        ).get({
          reference: request.reference,
          kind: request.kind,
          key: request.idempotencyKey,
          createdAt: request.createdAt,
          dueDate: request.dueDate,
          spam: request.spam ? 1 : 0,
          accessKeyHash: request.accessKeyHash,
          emailConfirmed: request.emailConfirmed ? 1 : 0,
          ...Object.fromEntries(
            Object.entries(CONTENT_COLUMNS).map(([column, field]) => [
              column,
              request[field] ?? null,
            ]),
          ),
        }) as Row | undefined;
      } catch (error) {
        if (isUniqueViolation(error, 'requests.office, requests.reference'))
          return { outcome: 'reference_taken' as const };
        throw error;
      }
      if (!inserted) {
        const first = sql(
          'SELECT * FROM requests WHERE office = :office AND kind = :kind AND idempotency_key = :key',
        ).get({
          kind: request.kind,
          key: request.idempotencyKey,
        });
        return {
          outcome: 'replayed' as const,
          request: toRequest(first as Row),
          confirmationQueued: false,
        };
      }
      const id = Number(inserted.id);
      addHistory(id, {
        at: request.createdAt,
        actor: 'warga',
        status: 'baru',
        reply: null,
        note: null,
      });
      queueMails(id, request.createdAt, mails);
      const confirmationQueued =
        confirmation !== undefined && !confirmationPending(confirmation.email, confirmation.at);
      if (confirmationQueued) createCitizenToken(confirmation, confirmation.mails);
      return { outcome: 'created' as const, request: requestById(id), confirmationQueued };
    },

    insertRating(rating) {
      // One rating per request; the writes run one at a time, so this check cannot race.
      if (rating.reference && !rating.spam) {
        const replay = rating.idempotencyKey
          ? (sql(
              'SELECT created_at FROM ratings WHERE office = :office AND idempotency_key = :key',
            ).get({
              key: rating.idempotencyKey,
            }) as Row | undefined)
          : undefined;
        if (replay) return { outcome: 'replayed', createdAt: String(replay.created_at) };
        const rated = sql(
          'SELECT created_at FROM ratings WHERE office = :office AND reference = :reference AND spam = 0',
        ).get({ reference: rating.reference }) as Row | undefined;
        if (rated) return { outcome: 'already_rated', createdAt: String(rated.created_at) };
      }
      return insertOnce('ratings', {
        office,
        idempotency_key: rating.idempotencyKey,
        created_at: rating.createdAt,
        reference: rating.reference ?? null,
        channel: rating.channel ?? null,
        ...Object.fromEntries(ANSWERS.map((column, index) => [column, rating.answers[index]])),
        comment: rating.comment ?? null,
        spam: rating.spam ? 1 : 0,
      });
    },

    insertFeedback(feedback) {
      return insertOnce('feedback', {
        office,
        idempotency_key: feedback.idempotencyKey,
        created_at: feedback.createdAt,
        page: feedback.page,
        helpful: feedback.helpful ? 1 : 0,
        comment: feedback.comment ?? null,
        context: feedback.context ?? null,
        spam: feedback.spam ? 1 : 0,
      });
    },

    changeRequest(change, mails) {
      const current = sql(
        `SELECT status, version, erased_at, assigned_to, spam FROM requests
         WHERE id = :id AND office = :office`,
      ).get({
        id: change.requestId,
      }) as Row | undefined;
      if (!current) return false;
      const seen =
        'version' in change.seen
          ? Number(current.version) === change.seen.version
          : current.status === change.seen.status;
      // With mail to send, an erasure that came in between wins: the address is gone.
      if (!seen || (mails.length > 0 && current.erased_at !== null)) return false;
      const status = change.to ?? (current.status as RequestStatus);
      const statusChanged = status !== current.status || change.reply !== undefined;
      sql(
        `UPDATE requests SET status = :status, version = version + 1,
           status_changed_at = CASE WHEN :statusChanged = 1 THEN :at ELSE status_changed_at END,
           assigned_to = CASE WHEN :assign = 1 THEN :assignedTo ELSE assigned_to END,
           spam = CASE WHEN :markSpam = 1 THEN :spam ELSE spam END,
           last_staff_message_at = CASE WHEN :staffSpoke = 1 THEN :at ELSE last_staff_message_at END,
           clock_suspended = CASE WHEN :suspend = 1 THEN 1 WHEN :status = 'selesai' THEN 0 ELSE clock_suspended END
         WHERE id = :id AND office = :office`,
      ).run({
        id: change.requestId,
        status,
        statusChanged: statusChanged ? 1 : 0,
        at: change.at,
        assign: change.assignedTo === undefined ? 0 : 1,
        assignedTo: change.assignedTo ?? null,
        markSpam: change.spam === undefined ? 0 : 1,
        spam: change.spam ? 1 : 0,
        staffSpoke: change.staffSpoke ? 1 : 0,
        suspend: change.suspendClock ? 1 : 0,
      });
      addHistory(change.requestId, {
        at: change.at,
        actor: change.actor,
        status,
        reply: change.reply ?? null,
        note: change.note ?? null,
        staffId: change.staffId ?? null,
        event: change.event ?? null,
        eventPublic: change.eventPublic ?? false,
      });
      if (change.audit)
        writes.audit({ at: change.at, staffId: change.staffId ?? null, ...change.audit });
      queueMails(change.requestId, change.at, mails);
      return true;
    },

    createStaff({ email, name, role, passwordHash, at }) {
      const inserted = sql(
        `INSERT INTO staff_users (office, email, name, role, password_hash, active, created_at)
         VALUES (:office, :email, :name, :role, :passwordHash, 1, :at)
         ON CONFLICT (office, email) DO NOTHING RETURNING id`,
      ).get({ email: email.toLowerCase(), name, role, passwordHash, at });
      return inserted !== undefined;
    },

    setStaffPassword(staffId, passwordHash) {
      sql(
        'UPDATE staff_users SET password_hash = :passwordHash WHERE id = :staffId AND office = :office',
      ).run({ staffId, passwordHash });
      sql('DELETE FROM staff_sessions WHERE staff_id = :staffId AND office = :office').run({
        staffId,
      });
    },

    setStaffActive(staffId, active) {
      sql('UPDATE staff_users SET active = :active WHERE id = :staffId AND office = :office').run({
        staffId,
        active: active ? 1 : 0,
      });
      if (!active)
        sql('DELETE FROM staff_sessions WHERE staff_id = :staffId AND office = :office').run({
          staffId,
        });
    },

    recordLoginAttempt({ email, client, ok, at }) {
      sql(
        `INSERT INTO login_attempts (office, email, client, ok, at)
         VALUES (:office, :email, :client, :ok, :at)`,
      ).run({
        email: email.toLowerCase(),
        client,
        ok: ok ? 1 : 0,
        at,
      });
      if (ok)
        sql(
          'UPDATE staff_users SET last_login_at = :at WHERE office = :office AND email = :email',
        ).run({
          email: email.toLowerCase(),
          at,
        });
    },

    createSession({ tokenHash, staffId, csrf, at }) {
      sql(
        `INSERT INTO staff_sessions (office, token_hash, staff_id, csrf, created_at, last_seen_at)
         VALUES (:office, :tokenHash, :staffId, :csrf, :at, :at)`,
      ).run({ tokenHash, staffId, csrf, at });
    },

    touchSession(tokenHash, at) {
      sql(
        'UPDATE staff_sessions SET last_seen_at = :at WHERE token_hash = :tokenHash AND office = :office',
      ).run({
        tokenHash,
        at,
      });
    },

    endSession(tokenHash) {
      sql('DELETE FROM staff_sessions WHERE token_hash = :tokenHash AND office = :office').run({
        tokenHash,
      });
    },

    audit({ at, staffId, action, target }) {
      sql(
        `INSERT INTO audit_log (office, at, staff_id, action, target)
         VALUES (:office, :at, :staffId, :action, :target)`,
      ).run({
        at,
        staffId,
        action,
        target,
      });
    },

    erasePersonalData(target: ErasureTarget, at, actor, note, staffId = null) {
      const rows = (
        'reference' in target
          ? sql(
              'SELECT id FROM requests WHERE office = :office AND reference = :reference AND erased_at IS NULL',
            ).all({ reference: target.reference })
          : sql(
              'SELECT id FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL',
            ).all({ email: target.email.toLowerCase() })
      ) as Row[];
      for (const row of rows) erase(Number(row.id), at, actor, note, staffId);
      const visits =
        'reference' in target
          ? eraseVisits(sql, 'reference = :reference', { reference: target.reference }, at)
          : eraseVisitsOf(target.email.toLowerCase(), at);
      return rows.length + visits;
    },

    purgeBefore(cutoff, at, note) {
      // Never closed: counted from the request's last entry (a reply, a status change).
      const rows = sql(
        `SELECT id FROM requests WHERE office = :office AND erased_at IS NULL AND (
           (status = 'selesai' AND status_changed_at < :cutoff)
           OR (spam = 1 AND created_at < :cutoff)
           OR (status <> 'selesai' AND (SELECT MAX(at) FROM history WHERE request_id = requests.id) < :cutoff))`,
      ).all({ cutoff }) as Row[];
      for (const row of rows) erase(Number(row.id), at, 'sistem', note);
      // Guest-book entries: kept as long as a request, counted from the visit's last step.
      eraseVisits(sql, 'COALESCE(finished_at, called_at, arrived_at) < :cutoff', { cutoff }, at);
      sql(
        `UPDATE ratings SET comment = NULL
         WHERE office = :office AND comment IS NOT NULL AND created_at < :cutoff`,
      ).run({ cutoff });
      sql(
        `UPDATE feedback SET comment = NULL
         WHERE office = :office AND comment IS NOT NULL AND created_at < :cutoff`,
      ).run({ cutoff });
      sql(
        `DELETE FROM outbox WHERE office = :office AND ((sent_at IS NOT NULL AND sent_at < :cutoff)
           OR (failed_at IS NOT NULL AND failed_at < :cutoff))`,
      ).run({ cutoff });
      // Officers' addresses and the emails typed at the login; the audit keeps who did what.
      sql('DELETE FROM login_attempts WHERE office = :office AND at < :cutoff').run({ cutoff });
      sql('DELETE FROM staff_sessions WHERE office = :office AND last_seen_at < :cutoff').run({
        cutoff,
      });
      sql('DELETE FROM citizen_sessions WHERE office = :office AND last_seen_at < :cutoff').run({
        cutoff,
      });
      sql('DELETE FROM citizen_tokens WHERE office = :office AND expires_at < :cutoff').run({
        cutoff,
      });
      return rows.length;
    },

    claimDueMail(due, leaseUntil, limit) {
      const rows = sql(
        `SELECT * FROM outbox WHERE office = :office AND sent_at IS NULL AND failed_at IS NULL
           AND next_attempt_at <= :due
         ORDER BY next_attempt_at, id LIMIT :limit`,
      ).all({ due, limit }) as Row[];
      for (const row of rows) {
        sql(
          `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :leaseUntil
           WHERE id = :id AND office = :office`,
        ).run({
          id: Number(row.id),
          leaseUntil,
        });
      }
      return rows.map((row) => ({
        ...toMail(row),
        attempts: Number(row.attempts) + 1,
        nextAttemptAt: leaseUntil,
      }));
    },

    markMailSent(id, at) {
      // A sent one-time link is of no more use here: its text goes, its record stays.
      sql(
        `UPDATE outbox SET sent_at = :at, last_error = NULL,
           body = CASE WHEN purpose IN ('confirmation', 'sign_in') THEN '' ELSE body END
         WHERE id = :id AND office = :office`,
      ).run({ id, at });
    },

    markMailFailed(id, error, retryAt, at) {
      if (retryAt === null) {
        sql(
          'UPDATE outbox SET failed_at = :at, last_error = :error WHERE id = :id AND office = :office',
        ).run({
          id,
          error,
          at,
        });
        return;
      }
      sql(
        'UPDATE outbox SET next_attempt_at = :retryAt, last_error = :error WHERE id = :id AND office = :office',
      ).run({
        id,
        error,
        retryAt,
      });
    },
  };

  return { reads, writes };
}
