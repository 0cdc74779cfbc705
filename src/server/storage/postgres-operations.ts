/**
 * The SQL of the PostgreSQL store: the same statements as sqlite-operations.ts where the two
 * dialects agree, each write in a transaction of its own. SQLite's worker runs one write at a
 * time; here many connections write at once, so each check-then-write below takes a lock
 * first (see the isolation note in postgres-store.ts) and names what it guards against.
 */
import type {
  Actor,
  ErasureTarget,
  HistoryEntry,
  InsertOutcome,
  Meeting,
  MeetingMode,
  MeetingState,
  NewCitizenToken,
  NewMail,
  RequestFilter,
  RequestStatus,
  Store,
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
import { lockKey, type Params, type Query, type Transaction } from './postgres-query.ts';
import { periodFacts } from './postgres-report-sql.ts';
import { purgeSearchesBefore, recordSearch, searchGaps } from './postgres-search-sql.ts';
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
} from './postgres-visit-sql.ts';

// A meeting proposed and not yet answered, or scheduled and not yet recorded: still to come.
const MEETING_PENDING = "state IN ('diusulkan', 'dijadwalkan')";

const one = async (rows: Promise<Row[]>): Promise<Row | undefined> => (await rows)[0];

async function requestById(query: Query, id: number, lock = false) {
  const row = await one(
    query(
      `SELECT * FROM requests WHERE id = :id AND office = :office${lock ? ' FOR UPDATE' : ''}`,
      {
        id,
      },
    ),
  );
  return toRequest(row as Row);
}

async function addHistory(
  query: Query,
  requestId: number,
  entry: HistoryEntry,
  idempotencyKey: string | null = null,
): Promise<void> {
  await query(
    `INSERT INTO history (office, request_id, at, actor, status, reply, note, staff_id, event, event_public, message, idempotency_key)
     VALUES (:office, :requestId, :at, :actor, :status, :reply, :note, :staffId, :event, :eventPublic, :message, :key)`,
    {
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
    },
  );
}

async function queueMails(
  query: Query,
  requestId: number | null,
  at: string,
  mails: readonly NewMail[],
): Promise<void> {
  for (const mail of mails) {
    await query(
      `INSERT INTO outbox (office, request_id, recipient, subject, body, purpose, created_at, next_attempt_at, attachments)
       VALUES (:office, :requestId, :to, :subject, :text, :purpose, :at, :at, :attachments)`,
      {
        requestId,
        at,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        purpose: mail.purpose,
        attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      },
    );
  }
}

async function createCitizenToken(
  query: Query,
  { tokenHash, email, purpose, at, expiresAt }: NewCitizenToken,
  mails: readonly NewMail[],
): Promise<void> {
  await query(
    `INSERT INTO citizen_tokens (office, token_hash, email, purpose, created_at, expires_at)
     VALUES (:office, :tokenHash, :email, :purpose, :at, :expiresAt)`,
    { tokenHash, email: email.toLowerCase(), purpose, at, expiresAt },
  );
  await query(
    `INSERT INTO citizens (office, email, created_at) VALUES (:office, :email, :at)
     ON CONFLICT (office, email) DO NOTHING`,
    { email: email.toLowerCase(), at },
  );
  await queueMails(query, null, at, mails);
}

async function erase(
  query: Query,
  id: number,
  at: string,
  actor: Actor,
  note: string,
  staffId: number | null = null,
): Promise<void> {
  const { status } = await requestById(query, id, true);
  await query(
    `UPDATE requests SET ${ERASED_COLUMNS.map((c) => `${c} = NULL`).join(', ')}, access_key_hash = NULL,
       erased_at = :at, version = version + 1 WHERE id = :id AND office = :office`,
    { id, at },
  );
  await query(
    `UPDATE history SET reply = NULL, note = NULL, message = NULL
     WHERE request_id = :id AND office = :office`,
    { id },
  );
  await query(
    'UPDATE meetings SET cancel_reason = NULL WHERE request_id = :id AND office = :office',
    { id },
  );
  await query('DELETE FROM outbox WHERE request_id = :id AND office = :office', { id });
  await addHistory(query, id, { at, actor, status, reply: null, note, staffId });
}

/** A visitor's guest-book entries and the rating invitations still waiting for them. */
async function eraseVisitsOf(query: Query, email: string, at: string): Promise<number> {
  await query(
    `DELETE FROM outbox WHERE office = :office AND request_id IS NULL AND purpose = 'rating_invitation'
       AND recipient = :email AND sent_at IS NULL`,
    { email },
  );
  return eraseVisits(query, 'email = :email', { email }, at);
}

/** The clauses of a filter; `:office` is bound by the store's query. */
function requestWhere(filter: RequestFilter): { where: string; params: Params } {
  const clauses: string[] = ['office = :office'];
  const params: Params = {};
  const add = (clause: string, name: string, value: string | number | undefined) => {
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
    // ILIKE: SQLite's LIKE ignores case (for ASCII), PostgreSQL's does not. The wildcards of
    // the typed text are escaped: "50%" searches for "50%".
    clauses.push(
      `(${['reference', 'name', 'email', 'topic', 'question', 'description'].map((c) => `${c} ILIKE :search ESCAPE '\\'`).join(' OR ')})`,
    );
    params.search = `%${filter.search.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  }
  const spam = filter.spam ?? 'exclude';
  if (spam !== 'include') clauses.push(spam === 'only' ? 'spam = 1' : 'spam = 0');
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

async function meetingsWhere(query: Query, where: string, params: Params): Promise<Meeting[]> {
  const meetings = await query(
    `SELECT meetings.*, requests.reference FROM meetings JOIN requests ON requests.id = meetings.request_id
     WHERE meetings.office = :office AND ${where} ORDER BY meetings.id`,
    params,
  );
  return Promise.all(
    meetings.map(async (row) => ({
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
        await query(
          'SELECT * FROM meeting_slots WHERE meeting_id = :id AND office = :office ORDER BY starts_at, id',
          { id: Number(row.id) },
        )
      ).map((slot) => ({
        id: Number(slot.id),
        startsAt: String(slot.starts_at),
        minutes: Number(slot.minutes),
        mode: slot.mode as MeetingMode,
        link: optional(slot.link) ?? null,
      })),
    })),
  );
}

async function audit(
  query: Query,
  entry: { at: string; staffId: number | null; action: string; target: string | null },
): Promise<void> {
  await query(
    `INSERT INTO audit_log (office, at, staff_id, action, target)
     VALUES (:office, :at, :staffId, :action, :target)`,
    { ...entry },
  );
}

// SQLite's SUM(a = 1) counts true as 1; PostgreSQL does not sum booleans, it filters.
const count = (condition: string) => `COUNT(*) FILTER (WHERE ${condition})`;

/** Binds `:office` of every statement, so no statement can forget it and no caller can pass another. */
const scoped =
  (query: Query, office: string): Query =>
  (text, params = {}) =>
    query(text, { ...params, office });

/** The operations of one office (its code): every statement reads and writes its rows only. */
export function postgresOperations(
  unscopedRead: Query,
  unscopedTransaction: Transaction,
  office: string,
  now: () => string,
): Omit<Store, 'close' | 'runAlone' | 'announceQueueChange' | 'listenQueueChanges'> {
  const read = scoped(unscopedRead, office);
  const transaction: Transaction = (work) =>
    unscopedTransaction((query) => work(scoped(query, office)));
  return {
    searchGaps: (period) => searchGaps(read, period),
    periodFacts: (period) => periodFacts(read, period),
    listVisits: (day) => listVisits(read, day),
    findVisit: (by) => findVisit(read, by),
    findKioskDevice: (tokenHash) => findKioskDevice(read, tokenHash),
    listKioskDevices: () => listKioskDevices(read),
    insertVisit: (visit) => transaction((query) => insertVisit(query, visit)),
    callNextVisit: (call) => transaction((query) => callNextVisit(query, call)),
    actOnVisit: (act, mails) =>
      transaction((query) => actOnVisit(query, act, () => queueMails(query, null, act.at, mails))),
    createKioskLink: (link) => transaction((query) => createKioskLink(query, link)),
    pairKiosk: (linkHash, deviceHash, at) =>
      transaction((query) => pairKiosk(query, linkHash, deviceHash, at)),
    revokeKioskDevice: (id, at, staffId) =>
      transaction((query) => revokeKioskDevice(query, id, at, staffId)),
    recordSearch: (search) => recordSearch(read, search),
    purgeSearchesBefore: (day) => purgeSearchesBefore(read, day),

    async ratedReferences(references) {
      if (references.length === 0) return [];
      const params = Object.fromEntries(references.map((reference, i) => [`r${i}`, reference]));
      return (
        await read(
          `SELECT DISTINCT reference FROM ratings
           WHERE office = :office AND spam = 0 AND reference IN (${references.map((_, i) => `:r${i}`).join(', ')})`,
          params,
        )
      ).map((row) => String(row.reference));
    },

    async awaitingCitizen(staffSpokeBy) {
      return (
        await read(
          `SELECT * FROM requests WHERE office = :office AND status = 'menunggu_pengguna' AND erased_at IS NULL
             AND last_staff_message_at IS NOT NULL AND last_staff_message_at <= :by
             AND (last_citizen_message_at IS NULL OR last_citizen_message_at < last_staff_message_at)
             AND NOT EXISTS (SELECT 1 FROM meetings WHERE request_id = requests.id AND ${MEETING_PENDING})
           ORDER BY last_staff_message_at`,
          { by: staffSpokeBy },
        )
      ).map(toRequest);
    },

    async requestsOf(email) {
      return (
        await read(
          `SELECT * FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL
           ORDER BY created_at DESC, id DESC`,
          { email: email.toLowerCase() },
        )
      ).map(toRequest);
    },

    async addressConfirmedAt(email) {
      const row = await one(
        read('SELECT confirmed_at FROM citizens WHERE office = :office AND email = :email', {
          email: email.toLowerCase(),
        }),
      );
      return optional(row?.confirmed_at) ?? null;
    },

    async unconfirmedBefore(before) {
      return (
        await read(
          `SELECT * FROM requests WHERE office = :office AND email_confirmed = 0 AND erased_at IS NULL
             AND created_at < :before`,
          { before },
        )
      ).map(toRequest);
    },

    async findCitizenSession(tokenHash) {
      const row = await one(
        read('SELECT * FROM citizen_sessions WHERE token_hash = :tokenHash AND office = :office', {
          tokenHash,
        }),
      );
      return row
        ? {
            email: String(row.email),
            csrf: String(row.csrf),
            createdAt: String(row.created_at),
            lastSeenAt: String(row.last_seen_at),
          }
        : null;
    },

    meetingsOf: (requestId) =>
      meetingsWhere(read, 'meetings.request_id = :requestId', { requestId }),

    meetingsStarting: (from, before) =>
      meetingsWhere(
        read,
        `meetings.state = 'dijadwalkan' AND EXISTS (SELECT 1 FROM meeting_slots
           WHERE meeting_slots.id = meetings.chosen_slot AND starts_at >= :from AND starts_at < :before)`,
        { from, before },
      ),

    async findRequest(reference) {
      const row = await one(
        read('SELECT * FROM requests WHERE office = :office AND reference = :reference', {
          reference,
        }),
      );
      return row ? toRequest(row) : null;
    },

    async history(requestId) {
      return (
        await read(
          `SELECT history.*, staff_users.name AS staff_name FROM history
           LEFT JOIN staff_users ON staff_users.id = history.staff_id
           WHERE request_id = :requestId AND history.office = :office ORDER BY history.id`,
          { requestId },
        )
      ).map(toHistory);
    },

    async listRequests(filter) {
      const { where, params } = requestWhere(filter);
      const [{ total }] = await read(
        `SELECT COUNT(*)::int AS total FROM requests ${where}`,
        params,
      );
      const rows = await read(
        // Soonest due first; among requests due the same day, those the citizen answered since
        // the officer last wrote, then the newest, so what just came in is seen.
        `SELECT requests.*, (SELECT COALESCE(json_agg(DISTINCT staff_users.name), '[]') FROM history
            JOIN staff_users ON staff_users.id = history.staff_id
            WHERE history.request_id = requests.id AND history.reply IS NOT NULL)::text AS replied_by
         FROM requests ${where}
         ORDER BY due_date, (last_citizen_message_at > COALESCE(last_staff_message_at, '')) DESC NULLS LAST,
           created_at DESC, id DESC
         LIMIT :limit OFFSET :offset`,
        { ...params, limit: filter.limit ?? null, offset: filter.offset ?? 0 },
      );
      return {
        total: Number(total),
        items: rows.map((row) => ({
          ...toRequest(row),
          repliedBy: JSON.parse(String(row.replied_by)) as string[],
        })),
      };
    },

    async countByStatus() {
      const counts: Record<RequestStatus, number> = {
        baru: 0,
        diproses: 0,
        menunggu_pengguna: 0,
        selesai: 0,
      };
      for (const row of await read(
        'SELECT status, COUNT(*) AS n FROM requests WHERE office = :office AND spam = 0 GROUP BY status',
      )) {
        counts[row.status as RequestStatus] = Number(row.n);
      }
      return counts;
    },

    async findStaff(email) {
      const row = await one(
        read('SELECT * FROM staff_users WHERE office = :office AND email = :email', {
          email: email.toLowerCase(),
        }),
      );
      return row ? toStaff(row) : null;
    },

    async listStaff() {
      return (
        await read(
          'SELECT * FROM staff_users WHERE office = :office ORDER BY active DESC, name, email',
        )
      ).map((row) => account(toStaff(row)));
    },

    async loginFailuresSince(who, since) {
      const rows =
        'email' in who
          ? // A successful login starts the count again for its email (not for the address).
            await read(
              `SELECT at FROM login_attempts WHERE office = :office AND email = :email AND ok = 0
                 AND at >= :since
                 AND at > COALESCE((SELECT MAX(at) FROM login_attempts
                   WHERE office = :office AND email = :email AND ok = 1), '')
               ORDER BY at`,
              { email: who.email.toLowerCase(), since },
            )
          : await read(
              `SELECT at FROM login_attempts WHERE office = :office AND client = :client AND ok = 0
                 AND at >= :since ORDER BY at`,
              { client: who.client, since },
            );
      return rows.map((row) => String(row.at));
    },

    async findSession(tokenHash) {
      const row = await one(
        read(
          `SELECT staff_sessions.csrf, staff_sessions.created_at AS session_created_at, staff_sessions.last_seen_at,
                  staff_users.*
           FROM staff_sessions JOIN staff_users ON staff_users.id = staff_sessions.staff_id
           WHERE token_hash = :tokenHash AND staff_sessions.office = :office
             AND staff_users.office = :office AND staff_users.active = 1`,
          { tokenHash },
        ),
      );
      if (!row) return null;
      return {
        staff: account(toStaff(row)),
        csrf: String(row.csrf),
        createdAt: String(row.session_created_at),
        lastSeenAt: String(row.last_seen_at),
      };
    },

    async listAudit({ limit }) {
      return (
        await read('SELECT * FROM audit_log WHERE office = :office ORDER BY id DESC LIMIT :limit', {
          limit,
        })
      ).map((row) => ({
        at: String(row.at),
        staffId: row.staff_id === null ? null : Number(row.staff_id),
        action: String(row.action),
        target: optional(row.target) ?? null,
      }));
    },

    async listOutbox({ pendingOnly, requestId }) {
      return (
        await read(
          `SELECT * FROM outbox
           WHERE office = :office AND (:pendingOnly = 0 OR (sent_at IS NULL AND failed_at IS NULL))
             AND (:requestId::int IS NULL OR request_id = :requestId)
           ORDER BY id`,
          { pendingOnly: pendingOnly ? 1 : 0, requestId: requestId ?? null },
        )
      ).map(toMail);
    },

    async countMailSince(to, purpose, since) {
      const [row] = await read(
        `SELECT COUNT(*) AS n FROM outbox WHERE office = :office AND recipient = :to
           AND purpose = :purpose AND created_at >= :since`,
        { to, purpose, since },
      );
      return Number(row.n);
    },

    async feedbackSummary({ from }) {
      const rows = await read(
        `SELECT page,
                ${count('helpful = 1 AND context IS NULL')} AS helpful,
                ${count('helpful = 0')} AS not_helpful,
                ${count("context = 'saran_konsultasi'")} AS answered
         FROM feedback WHERE office = :office AND spam = 0
           AND (:from::text IS NULL OR created_at >= :from)
         GROUP BY page ORDER BY not_helpful DESC, page`,
        { from: from ?? null },
      );
      return Promise.all(
        rows.map(async (row) => ({
          page: String(row.page),
          helpful: Number(row.helpful),
          notHelpful: Number(row.not_helpful),
          answeredQuestions: Number(row.answered),
          comments: (
            await read(
              `SELECT comment FROM feedback WHERE office = :office AND page = :page AND spam = 0
               AND comment IS NOT NULL
               AND (:from::text IS NULL OR created_at >= :from) ORDER BY created_at DESC, id DESC LIMIT 5`,
              { page: String(row.page), from: from ?? null },
            )
          ).map((c) => String(c.comment)),
        })),
      );
    },

    async ratingMeans({ from, before }) {
      const [row] = await read(
        `SELECT COUNT(*) AS count, ${ANSWERS.map((u) => `AVG(${u}) AS ${u}`).join(', ')} FROM ratings
         WHERE office = :office AND spam = 0 AND (:from::text IS NULL OR created_at >= :from)
           AND (:before::text IS NULL OR created_at < :before)`,
        { from: from ?? null, before: before ?? null },
      );
      return { count: Number(row.count), means: ANSWERS.map((u) => Number(row[u] ?? 0)) };
    },

    markCloseReminder: (requestId, forStaffMessageAt, at, mails) =>
      transaction(async (query) => {
        // Sweeps may run in several instances at once: one reminder per officer's message.
        const marked = await query(
          `UPDATE requests SET close_reminder_for = :for
           WHERE id = :id AND office = :office AND close_reminder_for IS DISTINCT FROM :for
           RETURNING id`,
          { id: requestId, for: forStaffMessageAt },
        );
        if (marked.length > 0) await queueMails(query, requestId, at, mails);
      }),

    addCitizenMessage: (message, mails) =>
      transaction(async (query) => {
        // The request's row lock first: two sends of one message (the same key) wait for each
        // other here, and the second then finds the first's history entry.
        const current = await requestById(query, message.requestId, true);
        if (message.idempotencyKey) {
          const replay = await one(
            query('SELECT 1 FROM history WHERE office = :office AND idempotency_key = :key', {
              key: message.idempotencyKey,
            }),
          );
          if (replay) return 'replayed';
        }
        if (current.status === 'selesai' || current.erasedAt) return 'closed';
        const status: RequestStatus =
          current.status === 'menunggu_pengguna' ? 'diproses' : current.status;
        await query(
          `UPDATE requests SET status = :status, version = version + 1, last_citizen_message_at = :at,
             status_changed_at = CASE WHEN :status <> status THEN :at ELSE status_changed_at END,
             clock_suspended = 0,
             due_date = COALESCE(:due::text, due_date),
             clock_restarted_at = CASE WHEN :due::text IS NULL THEN clock_restarted_at ELSE :at END
           WHERE id = :id AND office = :office`,
          {
            id: message.requestId,
            status,
            at: message.at,
            due: current.clockSuspended ? message.resumedDueDate : null,
          },
        );
        await addHistory(
          query,
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
        await queueMails(query, message.requestId, message.at, mails);
        return 'created';
      }),

    createCitizenToken: (token, mails) =>
      transaction((query) => createCitizenToken(query, token, mails)),

    useCitizenToken: (tokenHash, purpose, at) =>
      transaction(async (query) => {
        const row = await one(
          query(
            `UPDATE citizen_tokens SET used_at = :at
             WHERE token_hash = :tokenHash AND office = :office AND purpose = :purpose
               AND used_at IS NULL AND expires_at > :at RETURNING email`,
            { tokenHash, purpose, at },
          ),
        );
        return row ? String(row.email) : null;
      }),

    confirmAddress: (email, at, start) =>
      transaction(async (query) => {
        await query(
          `INSERT INTO citizens (office, email, created_at, confirmed_at) VALUES (:office, :email, :at, :at)
           ON CONFLICT (office, email) DO UPDATE SET confirmed_at = COALESCE(citizens.confirmed_at, :at)`,
          { email: email.toLowerCase(), at },
        );
        for (const { requestId, dueDate, mails } of start) {
          const started = await one(
            query(
              `UPDATE requests SET email_confirmed = 1, due_date = :dueDate, original_due_date = :dueDate,
                 version = version + 1
               WHERE id = :id AND office = :office AND email_confirmed = 0 AND erased_at IS NULL
               RETURNING status`,
              { id: requestId, dueDate },
            ),
          );
          if (!started) continue;
          await addHistory(query, requestId, {
            at,
            actor: 'warga',
            status: started.status as RequestStatus,
            reply: null,
            note: null,
            event: 'Email dikonfirmasi; batas waktu mulai berjalan',
            eventPublic: true,
          });
          await queueMails(query, requestId, at, mails);
        }
      }),

    dropUnconfirmed: (requestId, at, note) =>
      transaction(async (query) => {
        // Dropped once, when sweeps of two instances meet here: the second finds it erased.
        const pending = await query(
          'SELECT 1 FROM requests WHERE id = :id AND office = :office AND erased_at IS NULL FOR UPDATE',
          { id: requestId },
        );
        if (pending.length === 0) return;
        await query(
          `UPDATE requests SET status = 'selesai', status_changed_at = :at, version = version + 1
           WHERE id = :id AND office = :office AND email_confirmed = 0`,
          { id: requestId, at },
        );
        await erase(query, requestId, at, 'sistem', note);
      }),

    createCitizenSession: ({ tokenHash, email, csrf, at }) =>
      transaction(async (query) => {
        await query(
          `INSERT INTO citizen_sessions (office, token_hash, email, csrf, created_at, last_seen_at)
           VALUES (:office, :tokenHash, :email, :csrf, :at, :at)`,
          { tokenHash, email: email.toLowerCase(), csrf, at },
        );
      }),

    async touchCitizenSession(tokenHash, at) {
      await read(
        'UPDATE citizen_sessions SET last_seen_at = :at WHERE token_hash = :tokenHash AND office = :office',
        { tokenHash, at },
      );
    },

    async endCitizenSession(tokenHash) {
      await read(
        'DELETE FROM citizen_sessions WHERE token_hash = :tokenHash AND office = :office',
        {
          tokenHash,
        },
      );
    },

    eraseCitizen: (email, at, note) =>
      transaction(async (query) => {
        const address = email.toLowerCase();
        const rows = await query(
          `SELECT id FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL
           ORDER BY id FOR UPDATE`,
          { email: address },
        );
        for (const row of rows) await erase(query, Number(row.id), at, 'warga', note);
        await eraseVisitsOf(query, address, at);
        for (const table of ['citizen_sessions', 'citizen_tokens', 'citizens'])
          await query(`DELETE FROM ${table} WHERE office = :office AND email = :email`, {
            email: address,
          });
        return rows.length;
      }),

    proposeMeeting: ({ requestId, staffId, at, slots, event }, mails) =>
      transaction(async (query) => {
        const { status } = await requestById(query, requestId, true);
        const [meeting] = await query(
          `INSERT INTO meetings (office, request_id, proposed_by, proposed_at, state, updated_at)
           VALUES (:office, :requestId, :staffId, :at, 'diusulkan', :at) RETURNING id`,
          { requestId, staffId, at },
        );
        const meetingId = Number(meeting.id);
        for (const slot of slots) {
          await query(
            `INSERT INTO meeting_slots (office, meeting_id, starts_at, minutes, mode, link)
             VALUES (:office, :meetingId, :startsAt, :minutes, :mode, :link)`,
            {
              meetingId,
              startsAt: slot.startsAt,
              minutes: slot.minutes,
              mode: slot.mode,
              link: slot.link,
            },
          );
        }
        await query(
          `UPDATE requests SET version = version + 1, last_staff_message_at = :at
           WHERE id = :id AND office = :office`,
          { id: requestId, at },
        );
        await addHistory(query, requestId, {
          at,
          actor: 'petugas',
          status,
          reply: null,
          note: null,
          staffId,
          event,
        });
        await queueMails(query, requestId, at, mails);
        return meetingId;
      }),

    updateMeeting: (change, mails) =>
      transaction(async (query) => {
        // Locked, so a choice and a cancellation arriving together are applied one after the other.
        const meeting = await one(
          query(
            'SELECT request_id, state FROM meetings WHERE id = :id AND office = :office FOR UPDATE',
            {
              id: change.meetingId,
            },
          ),
        );
        if (!meeting || !change.from.includes(meeting.state as MeetingState)) return false;
        await query(
          `UPDATE meetings SET state = :to, updated_at = :at,
             chosen_slot = COALESCE(:chosenSlot::int, chosen_slot),
             cancelled_by = COALESCE(:cancelledBy::text, cancelled_by),
             cancel_reason = COALESCE(:cancelReason::text, cancel_reason)
           WHERE id = :id AND office = :office`,
          {
            id: change.meetingId,
            to: change.to,
            at: change.at,
            chosenSlot: change.chosenSlot ?? null,
            cancelledBy: change.cancelledBy ?? null,
            cancelReason: change.cancelReason ?? null,
          },
        );
        const requestId = Number(meeting.request_id);
        const { status } = await requestById(query, requestId, true);
        await query(
          'UPDATE requests SET version = version + 1 WHERE id = :id AND office = :office',
          {
            id: requestId,
          },
        );
        await addHistory(query, requestId, {
          at: change.at,
          actor: change.actor,
          status,
          reply: null,
          note: null,
          staffId: change.staffId ?? null,
          event: change.event,
          eventPublic: true,
        });
        await queueMails(query, requestId, change.at, mails);
        return true;
      }),

    markMeetingReminded: (meetingId, at, mails) =>
      transaction(async (query) => {
        const meeting = await one(
          query(
            `UPDATE meetings SET reminded_at = :at
             WHERE id = :id AND office = :office AND reminded_at IS NULL RETURNING request_id`,
            { id: meetingId, at },
          ),
        );
        if (meeting) await queueMails(query, Number(meeting.request_id), at, mails);
      }),

    // A write, not SELECT 1: a standby, a read-only database or a full disk fails it, as it
    // would a submission.
    async ping() {
      await read(
        `INSERT INTO health (office, checked_at) VALUES (:office, :at)
         ON CONFLICT (office) DO UPDATE SET checked_at = excluded.checked_at`,
        { at: now() },
      );
    },

    insertRequest: (request, mails, confirmation) =>
      transaction(async (query) => {
        // Without a conflict target, every unique constraint gives way, the reference's too;
        // what collided is told apart below.
        const inserted = await one(
          query(
            `INSERT INTO requests (office, reference, kind, status, idempotency_key, created_at, due_date, original_due_date,
               status_changed_at, spam, access_key_hash, email_confirmed, ${Object.keys(CONTENT_COLUMNS).join(', ')})
             VALUES (:office, :reference, :kind, 'baru', :key, :createdAt, :dueDate, :dueDate, :createdAt, :spam,
               :accessKeyHash, :emailConfirmed,
               ${Object.keys(CONTENT_COLUMNS)
                 .map((c) => `:${c}`)
                 .join(', ')})
             ON CONFLICT DO NOTHING RETURNING id`,
            {
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
            },
          ),
        );
        if (!inserted) {
          // The key's first submission (perhaps committed by another instance meanwhile), or,
          // when there is none, the random reference collided: the caller draws a new one.
          const first = await one(
            query(
              'SELECT * FROM requests WHERE office = :office AND kind = :kind AND idempotency_key = :key',
              {
                kind: request.kind,
                key: request.idempotencyKey,
              },
            ),
          );
          if (!first) return { outcome: 'reference_taken' as const };
          return {
            outcome: 'replayed' as const,
            request: toRequest(first),
            confirmationQueued: false,
          };
        }
        const id = Number(inserted.id);
        await addHistory(query, id, {
          at: request.createdAt,
          actor: 'warga',
          status: 'baru',
          reply: null,
          note: null,
        });
        await queueMails(query, id, request.createdAt, mails);
        let confirmationQueued = false;
        if (confirmation !== undefined) {
          // One confirmation mail per wait: two requests from one address at once queue one.
          await lockKey(query, `konfirmasi:${confirmation.email.toLowerCase()}`);
          const pending = await one(
            query(
              `SELECT 1 FROM citizen_tokens WHERE office = :office AND email = :email AND purpose = 'konfirmasi'
                 AND used_at IS NULL AND expires_at > :at LIMIT 1`,
              { email: confirmation.email.toLowerCase(), at: confirmation.at },
            ),
          );
          if (!pending) {
            await createCitizenToken(query, confirmation, confirmation.mails);
            confirmationQueued = true;
          }
        }
        return {
          outcome: 'created' as const,
          request: await requestById(query, id),
          confirmationQueued,
        };
      }),

    insertRating: (rating) =>
      transaction(async (query) => {
        // The constraints decide (the idempotency key; one non-spam rating per reference);
        // a conflict is then told apart: the same key is a replay, else the request was rated.
        const [inserted] = await query(
          `INSERT INTO ratings (office, idempotency_key, created_at, reference, channel, ${ANSWERS.join(', ')}, comment, spam)
           VALUES (:office, :key, :createdAt, :reference, :channel, ${ANSWERS.map((u) => `:${u}`).join(', ')}, :comment, :spam)
           ON CONFLICT DO NOTHING RETURNING created_at`,
          {
            key: rating.idempotencyKey,
            createdAt: rating.createdAt,
            reference: rating.reference ?? null,
            channel: rating.channel ?? null,
            ...Object.fromEntries(ANSWERS.map((column, index) => [column, rating.answers[index]])),
            comment: rating.comment ?? null,
            spam: rating.spam ? 1 : 0,
          },
        );
        if (inserted) return { outcome: 'created', createdAt: String(inserted.created_at) };
        const replay = rating.idempotencyKey
          ? await one(
              query(
                'SELECT created_at FROM ratings WHERE office = :office AND idempotency_key = :key',
                {
                  key: rating.idempotencyKey,
                },
              ),
            )
          : undefined;
        if (replay) return { outcome: 'replayed', createdAt: String(replay.created_at) };
        const [rated] = await query(
          'SELECT created_at FROM ratings WHERE office = :office AND reference = :reference AND spam = 0',
          { reference: rating.reference ?? null },
        );
        return { outcome: 'already_rated', createdAt: String(rated.created_at) };
      }),

    insertFeedback: (feedback) =>
      transaction(async (query): Promise<{ outcome: InsertOutcome; createdAt: string }> => {
        const [inserted] = await query(
          `INSERT INTO feedback (office, idempotency_key, created_at, page, helpful, comment, context, spam)
           VALUES (:office, :key, :createdAt, :page, :helpful, :comment, :context, :spam)
           ON CONFLICT (office, idempotency_key) DO NOTHING RETURNING created_at`,
          {
            key: feedback.idempotencyKey,
            createdAt: feedback.createdAt,
            page: feedback.page,
            helpful: feedback.helpful ? 1 : 0,
            comment: feedback.comment ?? null,
            context: feedback.context ?? null,
            spam: feedback.spam ? 1 : 0,
          },
        );
        if (inserted) return { outcome: 'created', createdAt: String(inserted.created_at) };
        const [first] = await query(
          'SELECT created_at FROM feedback WHERE office = :office AND idempotency_key = :key',
          {
            key: feedback.idempotencyKey,
          },
        );
        return { outcome: 'replayed', createdAt: String(first.created_at) };
      }),

    changeRequest: (change, mails) =>
      transaction(async (query) => {
        // The row lock makes the version (or status) check and the update one step: of two
        // officers changing the same version, the second waits, then sees the new version.
        const current = await one(
          query(
            `SELECT status, version, erased_at, assigned_to, spam FROM requests
             WHERE id = :id AND office = :office FOR UPDATE`,
            { id: change.requestId },
          ),
        );
        if (!current) return false;
        const seen =
          'version' in change.seen
            ? Number(current.version) === change.seen.version
            : current.status === change.seen.status;
        // With mail to send, an erasure that came in between wins: the address is gone.
        if (!seen || (mails.length > 0 && current.erased_at !== null)) return false;
        const status = change.to ?? (current.status as RequestStatus);
        const statusChanged = status !== current.status || change.reply !== undefined;
        await query(
          `UPDATE requests SET status = :status, version = version + 1,
             status_changed_at = CASE WHEN :statusChanged = 1 THEN :at ELSE status_changed_at END,
             assigned_to = CASE WHEN :assign = 1 THEN :assignedTo::int ELSE assigned_to END,
             spam = CASE WHEN :markSpam = 1 THEN :spam ELSE spam END,
             last_staff_message_at = CASE WHEN :staffSpoke = 1 THEN :at ELSE last_staff_message_at END,
             clock_suspended = CASE WHEN :suspend = 1 THEN 1 WHEN :status = 'selesai' THEN 0 ELSE clock_suspended END
           WHERE id = :id AND office = :office`,
          {
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
          },
        );
        await addHistory(query, change.requestId, {
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
          await audit(query, { at: change.at, staffId: change.staffId ?? null, ...change.audit });
        await queueMails(query, change.requestId, change.at, mails);
        return true;
      }),

    async createStaff({ email, name, role, passwordHash, at }) {
      const rows = await read(
        `INSERT INTO staff_users (office, email, name, role, password_hash, active, created_at)
         VALUES (:office, :email, :name, :role, :passwordHash, 1, :at)
         ON CONFLICT (office, email) DO NOTHING RETURNING id`,
        { email: email.toLowerCase(), name, role, passwordHash, at },
      );
      return rows.length > 0;
    },

    setStaffPassword: (staffId, passwordHash) =>
      transaction(async (query) => {
        await query(
          'UPDATE staff_users SET password_hash = :passwordHash WHERE id = :staffId AND office = :office',
          { staffId, passwordHash },
        );
        await query('DELETE FROM staff_sessions WHERE staff_id = :staffId AND office = :office', {
          staffId,
        });
      }),

    setStaffActive: (staffId, active) =>
      transaction(async (query) => {
        await query(
          'UPDATE staff_users SET active = :active WHERE id = :staffId AND office = :office',
          {
            staffId,
            active: active ? 1 : 0,
          },
        );
        if (!active)
          await query('DELETE FROM staff_sessions WHERE staff_id = :staffId AND office = :office', {
            staffId,
          });
      }),

    recordLoginAttempt: ({ email, client, ok, at }) =>
      transaction(async (query) => {
        await query(
          `INSERT INTO login_attempts (office, email, client, ok, at)
           VALUES (:office, :email, :client, :ok, :at)`,
          { email: email.toLowerCase(), client, ok: ok ? 1 : 0, at },
        );
        if (ok)
          await query(
            'UPDATE staff_users SET last_login_at = :at WHERE office = :office AND email = :email',
            {
              email: email.toLowerCase(),
              at,
            },
          );
      }),

    async createSession({ tokenHash, staffId, csrf, at }) {
      await read(
        `INSERT INTO staff_sessions (office, token_hash, staff_id, csrf, created_at, last_seen_at)
         VALUES (:office, :tokenHash, :staffId, :csrf, :at, :at)`,
        { tokenHash, staffId, csrf, at },
      );
    },

    async touchSession(tokenHash, at) {
      await read(
        'UPDATE staff_sessions SET last_seen_at = :at WHERE token_hash = :tokenHash AND office = :office',
        { tokenHash, at },
      );
    },

    async endSession(tokenHash) {
      await read('DELETE FROM staff_sessions WHERE token_hash = :tokenHash AND office = :office', {
        tokenHash,
      });
    },

    audit: (entry) => audit(read, entry),

    erasePersonalData: (target: ErasureTarget, at, actor, note, staffId = null) =>
      transaction(async (query) => {
        const rows =
          'reference' in target
            ? await query(
                `SELECT id FROM requests WHERE office = :office AND reference = :reference
                 AND erased_at IS NULL FOR UPDATE`,
                { reference: target.reference },
              )
            : await query(
                `SELECT id FROM requests WHERE office = :office AND email = :email AND erased_at IS NULL
                 ORDER BY id FOR UPDATE`,
                { email: target.email.toLowerCase() },
              );
        for (const row of rows) await erase(query, Number(row.id), at, actor, note, staffId);
        const visits =
          'reference' in target
            ? await eraseVisits(
                query,
                'reference = :reference',
                { reference: target.reference },
                at,
              )
            : await eraseVisitsOf(query, target.email.toLowerCase(), at);
        return rows.length + visits;
      }),

    purgeBefore: (cutoff, at, note) =>
      transaction(async (query) => {
        // Never closed: counted from the request's last entry (a reply, a status change).
        const rows = await query(
          `SELECT id FROM requests WHERE office = :office AND erased_at IS NULL AND (
             (status = 'selesai' AND status_changed_at < :cutoff)
             OR (spam = 1 AND created_at < :cutoff)
             OR (status <> 'selesai' AND (SELECT MAX(at) FROM history WHERE request_id = requests.id) < :cutoff))
           ORDER BY id FOR UPDATE`,
          { cutoff },
        );
        for (const row of rows) await erase(query, Number(row.id), at, 'sistem', note);
        // Guest-book entries: kept as long as a request, counted from the visit's last step.
        await eraseVisits(
          query,
          'COALESCE(finished_at, called_at, arrived_at) < :cutoff',
          { cutoff },
          at,
        );
        await query(
          `UPDATE ratings SET comment = NULL
           WHERE office = :office AND comment IS NOT NULL AND created_at < :cutoff`,
          { cutoff },
        );
        await query(
          `UPDATE feedback SET comment = NULL
           WHERE office = :office AND comment IS NOT NULL AND created_at < :cutoff`,
          { cutoff },
        );
        await query(
          `DELETE FROM outbox WHERE office = :office AND ((sent_at IS NOT NULL AND sent_at < :cutoff)
             OR (failed_at IS NOT NULL AND failed_at < :cutoff))`,
          { cutoff },
        );
        // Officers' addresses and the emails typed at the login; the audit keeps who did what.
        await query('DELETE FROM login_attempts WHERE office = :office AND at < :cutoff', {
          cutoff,
        });
        await query(
          'DELETE FROM staff_sessions WHERE office = :office AND last_seen_at < :cutoff',
          {
            cutoff,
          },
        );
        await query(
          'DELETE FROM citizen_sessions WHERE office = :office AND last_seen_at < :cutoff',
          {
            cutoff,
          },
        );
        await query('DELETE FROM citizen_tokens WHERE office = :office AND expires_at < :cutoff', {
          cutoff,
        });
        return rows.length;
      }),

    claimDueMail: (due, leaseUntil, limit) =>
      transaction(async (query) => {
        // SKIP LOCKED: two instances delivering at once take different mails, never the same.
        const rows = await query(
          `SELECT * FROM outbox WHERE office = :office AND sent_at IS NULL AND failed_at IS NULL
             AND next_attempt_at <= :due
           ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED`,
          { due, limit },
        );
        for (const row of rows) {
          await query(
            `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :leaseUntil
             WHERE id = :id AND office = :office`,
            { id: Number(row.id), leaseUntil },
          );
        }
        return rows.map((row) => ({
          ...toMail(row),
          attempts: Number(row.attempts) + 1,
          nextAttemptAt: leaseUntil,
        }));
      }),

    async markMailSent(id, at) {
      // A sent one-time link is of no more use here: its text goes, its record stays.
      await read(
        `UPDATE outbox SET sent_at = :at, last_error = NULL,
           body = CASE WHEN purpose IN ('confirmation', 'sign_in') THEN '' ELSE body END
         WHERE id = :id AND office = :office`,
        { id, at },
      );
    },

    async markMailFailed(id, error, retryAt, at) {
      if (retryAt === null) {
        await read(
          'UPDATE outbox SET failed_at = :at, last_error = :error WHERE id = :id AND office = :office',
          {
            id,
            error,
            at,
          },
        );
        return;
      }
      await read(
        'UPDATE outbox SET next_attempt_at = :retryAt, last_error = :error WHERE id = :id AND office = :office',
        { id, error, retryAt },
      );
    },
  };
}
