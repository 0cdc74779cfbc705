/**
 * Schema migrations for the SQLite store, applied in order at start. The applied version is
 * kept in SQLite's own `PRAGMA user_version`, written in the same transaction as the
 * migration, so a crash never leaves a half-applied version. Never edit a released
 * migration; append a new one.
 *
 * A migration may call configured_office(): the code of the office the store is opened for
 * (office.yaml), which the rows stored before offices were told apart belong to.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

const answerColumns = Array.from(
  { length: 9 },
  (_, index) => `u${index + 1} INTEGER NOT NULL CHECK (u${index + 1} BETWEEN 1 AND 4)`,
);

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'requests with history and outbox; ratings; page feedback',
    sql: `
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('konsultasi', 'pengaduan')),
        status TEXT NOT NULL CHECK (status IN ('baru', 'diproses', 'menunggu_pengguna', 'selesai')),
        idempotency_key TEXT,
        created_at TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status_changed_at TEXT NOT NULL,
        spam INTEGER NOT NULL CHECK (spam IN (0, 1)),
        name TEXT,
        email TEXT,
        phone TEXT,
        topic TEXT,
        question TEXT,
        channel TEXT,
        category TEXT,
        description TEXT,
        identity TEXT,
        related_reference TEXT,
        erased_at TEXT,
        -- A replayed submission can never become a second row, whatever the code does.
        UNIQUE (kind, idempotency_key)
      ) STRICT;
      CREATE INDEX requests_by_status_due ON requests (status, due_date);
      CREATE INDEX requests_by_email ON requests (email) WHERE email IS NOT NULL;

      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('warga', 'petugas', 'sistem')),
        status TEXT NOT NULL,
        reply TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX history_by_request ON history (request_id, id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        request_id INTEGER REFERENCES requests (id),
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        sent_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        reference TEXT,
        ${answerColumns.join(',\n        ')},
        comment TEXT,
        spam INTEGER NOT NULL CHECK (spam IN (0, 1))
      ) STRICT;
      CREATE INDEX ratings_by_created ON ratings (created_at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        page TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        comment TEXT,
        -- Where the answer was given: the page's own widget (NULL) or a suggested answer on
        -- the consultation form ('saran_konsultasi': a question answered without asking).
        context TEXT CHECK (context IN ('saran_konsultasi')),
        spam INTEGER NOT NULL CHECK (spam IN (0, 1))
      ) STRICT;
      CREATE INDEX feedback_by_page ON feedback (page);
    `,
  },
  {
    version: 2,
    description: 'mail purpose and given-up state; a row the health check writes',
    sql: `
      -- Acknowledgements to one address are limited per hour; staff notices and replies are not.
      ALTER TABLE outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'acknowledgement'
        CHECK (purpose IN ('acknowledgement', 'staff_notice', 'reply'));
      -- Set when the mail server refused the mail for good ("gagal"); it is not tried again.
      ALTER TABLE outbox ADD COLUMN failed_at TEXT;
      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
      CREATE INDEX outbox_by_recipient ON outbox (recipient, purpose, created_at);
      -- /api/health writes here: a database that is locked or full fails the check.
      CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 3,
    description:
      'officers, their sessions, login attempts and audit; who acted, assignment, a version per request',
    sql: `
      CREATE TABLE staff_users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'petugas')),
        -- scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash.
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;

      -- The cookie holds a random token; only its SHA-256 is stored.
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff_users (id),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

      CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL,
        client TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX login_attempts_by_email ON login_attempts (email, at);
      CREATE INDEX login_attempts_by_client ON login_attempts (client, at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff_users (id),
        action TEXT NOT NULL,
        target TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_at ON audit_log (at);

      ALTER TABLE requests ADD COLUMN assigned_to INTEGER REFERENCES staff_users (id);
      -- Raised by every change; an officer's form carries the version it was drawn from, so a
      -- change made meanwhile by another officer is reported instead of overwritten.
      ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE history ADD COLUMN staff_id INTEGER REFERENCES staff_users (id);
    `,
  },
  {
    version: 4,
    description: 'what a history entry did besides status, reply and note (assignment, spam mark)',
    sql: `
      -- A short sentence for officers, e.g. "Ditugaskan kepada Sari": no citizen data, so it
      -- stays when personal data is erased.
      ALTER TABLE history ADD COLUMN event TEXT;
    `,
  },
  {
    version: 5,
    description: 'search counts per day and query',
    sql: `
      -- Counts only: no IP address, no identifier, no time finer than the day. The query is
      -- the normalised words with email addresses, phone numbers and long numbers removed.
      CREATE TABLE search_queries (
        day TEXT NOT NULL,
        query TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 100),
        searches INTEGER NOT NULL CHECK (searches > 0),
        empty INTEGER NOT NULL DEFAULT 0,
        partial INTEGER NOT NULL DEFAULT 0,
        opened INTEGER NOT NULL DEFAULT 0,
        asked INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, query)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    description: 'mail of any purpose the code names, with attachments (calendar invitations)',
    sql: `
      -- The purposes grow with the service (confirmations, reminders, invitations); SQLite
      -- cannot drop a CHECK, so the table is rebuilt once and the purpose is checked in code
      -- (MailPurpose in store.ts).
      CREATE TABLE outbox_new (
        id INTEGER PRIMARY KEY,
        request_id INTEGER REFERENCES requests (id),
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        sent_at TEXT,
        last_error TEXT,
        purpose TEXT NOT NULL,
        failed_at TEXT,
        -- JSON: [{ "filename", "contentType", "content" }], or NULL.
        attachments TEXT
      ) STRICT;
      INSERT INTO outbox_new (id, request_id, recipient, subject, body, created_at, attempts,
          next_attempt_at, sent_at, last_error, purpose, failed_at)
        SELECT id, request_id, recipient, subject, body, created_at, attempts, next_attempt_at,
          sent_at, last_error, purpose, failed_at FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
      CREATE INDEX outbox_by_recipient ON outbox (recipient, purpose, created_at);
      CREATE INDEX outbox_by_request ON outbox (request_id);
    `,
  },
  {
    version: 7,
    description:
      'the conversation: personal links, confirmed addresses, citizen messages, the clock, meetings, one rating per request',
    sql: `
      -- The personal link's key is derived from a secret outside the database; only its
      -- SHA-256 is kept, and erasing the request empties it, so the link stops working.
      ALTER TABLE requests ADD COLUMN access_key_hash TEXT;
      -- 0 until the citizen confirms the address: the clock has not started.
      ALTER TABLE requests ADD COLUMN email_confirmed INTEGER NOT NULL DEFAULT 1 CHECK (email_confirmed IN (0, 1));
      -- The due date first set; due_date moves when the clock restarts after "perlu dilengkapi".
      ALTER TABLE requests ADD COLUMN original_due_date TEXT;
      ALTER TABLE requests ADD COLUMN clock_suspended INTEGER NOT NULL DEFAULT 0 CHECK (clock_suspended IN (0, 1));
      ALTER TABLE requests ADD COLUMN clock_restarted_at TEXT;
      ALTER TABLE requests ADD COLUMN last_staff_message_at TEXT;
      ALTER TABLE requests ADD COLUMN last_citizen_message_at TEXT;
      -- The officer's message the closing reminder was sent for (one reminder per silence).
      ALTER TABLE requests ADD COLUMN close_reminder_for TEXT;
      UPDATE requests SET original_due_date = due_date;

      -- What the citizen wrote back; erased with the request's personal data.
      ALTER TABLE history ADD COLUMN message TEXT;
      -- 1: the event is part of the citizen's conversation (a meeting, the close); 0: internal.
      ALTER TABLE history ADD COLUMN event_public INTEGER NOT NULL DEFAULT 0 CHECK (event_public IN (0, 1));
      ALTER TABLE history ADD COLUMN idempotency_key TEXT;
      CREATE UNIQUE INDEX history_idempotency ON history (idempotency_key) WHERE idempotency_key IS NOT NULL;

      -- An address is the citizen's account once confirmed from the link mailed to it.
      CREATE TABLE citizens (
        email TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        confirmed_at TEXT
      ) STRICT;

      -- One-time links: the address confirmation and the sign-in to "Permintaan saya".
      CREATE TABLE citizen_tokens (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('konfirmasi', 'masuk')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
      CREATE INDEX citizen_tokens_by_email ON citizen_tokens (email, purpose);

      CREATE TABLE citizen_sessions (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX citizen_sessions_by_email ON citizen_sessions (email);

      -- A follow-up meeting (online step 12): one to three slots proposed, one chosen.
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests (id),
        proposed_by INTEGER REFERENCES staff_users (id),
        proposed_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('diusulkan', 'dijadwalkan', 'dibatalkan', 'terlaksana', 'tidak_terlaksana')),
        chosen_slot INTEGER,
        cancelled_by TEXT CHECK (cancelled_by IN ('warga', 'petugas')),
        cancel_reason TEXT,
        reminded_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_by_request ON meetings (request_id);

      CREATE TABLE meeting_slots (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        starts_at TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 15 AND 240),
        mode TEXT NOT NULL CHECK (mode IN ('datang_langsung', 'video')),
        link TEXT
      ) STRICT;
      CREATE INDEX meeting_slots_by_meeting ON meeting_slots (meeting_id);
      CREATE INDEX meeting_slots_by_start ON meeting_slots (starts_at);

      -- online (a request sent from the site) or datang_langsung (a visit); NULL when unknown.
      ALTER TABLE ratings ADD COLUMN channel TEXT;
      CREATE INDEX ratings_by_reference ON ratings (reference);
    `,
  },
  {
    version: 8,
    description: 'walk-in visits (guest book and queue), kiosk devices and their one-time links',
    sql: `
      -- One visit: the guest book's entry, its ticket and its timestamps. The personal columns
      -- (name … topic, note) are erased like a request's (erased_at); the times stay for the
      -- 10-minute measure.
      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        -- KJ-YYMM-XXXXXX: the visit's reference, rated at /penilaian/.
        reference TEXT NOT NULL UNIQUE,
        -- Random, in the ticket's address /antrean/TICKET_ID/; unguessable.
        ticket_id TEXT NOT NULL UNIQUE,
        -- The Jakarta day and the service the number belongs to; numbers restart per day and service.
        day TEXT NOT NULL,
        service TEXT NOT NULL,
        prefix TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        state TEXT NOT NULL CHECK (state IN ('menunggu', 'dipanggil', 'dilayani', 'selesai', 'tidak_hadir')),
        -- Times skipped as absent: once back to the end of the queue, the second time dropped.
        skips INTEGER NOT NULL DEFAULT 0,
        -- Times called (Panggil, Panggil ulang): the display speaks again when it rises.
        calls INTEGER NOT NULL DEFAULT 0,
        -- The place in the queue: the arrival, or the moment it was sent to the end.
        queued_at TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        called_at TEXT,
        started_at TEXT,
        finished_at TEXT,
        desk TEXT,
        staff_id INTEGER REFERENCES staff_users (id),
        name TEXT,
        phone TEXT,
        email TEXT,
        institution TEXT,
        topic TEXT,
        note TEXT,
        -- The consultation request opened for the online follow-up, if any.
        follow_up_reference TEXT,
        erased_at TEXT,
        UNIQUE (day, service, seq)
      ) STRICT;
      CREATE INDEX visits_by_day ON visits (day, state, queued_at);
      CREATE INDEX visits_by_email ON visits (email) WHERE email IS NOT NULL;

      -- A device paired as the Front Office kiosk: its cookie's token, stored as SHA-256 only.
      CREATE TABLE kiosk_devices (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff_users (id),
        last_seen_at TEXT,
        revoked_at TEXT
      ) STRICT;

      -- One-time pairing links (/petugas/perangkat/, npm run staff -- kiosk-link).
      CREATE TABLE kiosk_links (
        token_hash TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff_users (id),
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
    `,
  },
  {
    version: 9,
    description: 'an office on every row: several offices share one database',
    sql: `
      -- Tables whose keys become per office are rebuilt (SQLite cannot drop a UNIQUE); foreign
      -- keys are off while the schema migrates (sqlite-database.ts), so the children's
      -- REFERENCES follow the name to the new table. Ids stay global: a row's id is unique
      -- in the database, its office says whose it is.
      CREATE TABLE requests_new (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        reference TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('konsultasi', 'pengaduan')),
        status TEXT NOT NULL CHECK (status IN ('baru', 'diproses', 'menunggu_pengguna', 'selesai')),
        idempotency_key TEXT,
        created_at TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status_changed_at TEXT NOT NULL,
        spam INTEGER NOT NULL CHECK (spam IN (0, 1)),
        name TEXT,
        email TEXT,
        phone TEXT,
        topic TEXT,
        question TEXT,
        channel TEXT,
        category TEXT,
        description TEXT,
        identity TEXT,
        related_reference TEXT,
        erased_at TEXT,
        assigned_to INTEGER REFERENCES staff_users (id),
        version INTEGER NOT NULL DEFAULT 0,
        access_key_hash TEXT,
        email_confirmed INTEGER NOT NULL DEFAULT 1 CHECK (email_confirmed IN (0, 1)),
        original_due_date TEXT,
        clock_suspended INTEGER NOT NULL DEFAULT 0 CHECK (clock_suspended IN (0, 1)),
        clock_restarted_at TEXT,
        last_staff_message_at TEXT,
        last_citizen_message_at TEXT,
        close_reminder_for TEXT,
        -- Reference numbers are drawn per office: two offices may hold the same one.
        UNIQUE (office, reference),
        UNIQUE (office, kind, idempotency_key)
      ) STRICT;
      INSERT INTO requests_new (id, office, reference, kind, status, idempotency_key, created_at,
          due_date, status_changed_at, spam, name, email, phone, topic, question, channel, category,
          description, identity, related_reference, erased_at, assigned_to, version, access_key_hash,
          email_confirmed, original_due_date, clock_suspended, clock_restarted_at,
          last_staff_message_at, last_citizen_message_at, close_reminder_for)
        SELECT id, configured_office(), reference, kind, status, idempotency_key, created_at,
          due_date, status_changed_at, spam, name, email, phone, topic, question, channel, category,
          description, identity, related_reference, erased_at, assigned_to, version, access_key_hash,
          email_confirmed, original_due_date, clock_suspended, clock_restarted_at,
          last_staff_message_at, last_citizen_message_at, close_reminder_for
        FROM requests;
      DROP TABLE requests;
      ALTER TABLE requests_new RENAME TO requests;
      CREATE INDEX requests_by_status_due ON requests (office, status, due_date);
      CREATE INDEX requests_by_email ON requests (office, email) WHERE email IS NOT NULL;

      CREATE TABLE ratings_new (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        idempotency_key TEXT,
        created_at TEXT NOT NULL,
        reference TEXT,
        ${answerColumns.join(',\n        ')},
        comment TEXT,
        spam INTEGER NOT NULL CHECK (spam IN (0, 1)),
        channel TEXT,
        UNIQUE (office, idempotency_key)
      ) STRICT;
      INSERT INTO ratings_new (id, office, idempotency_key, created_at, reference,
          u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, spam, channel)
        SELECT id, configured_office(), idempotency_key, created_at, reference,
          u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, spam, channel
        FROM ratings;
      DROP TABLE ratings;
      ALTER TABLE ratings_new RENAME TO ratings;
      CREATE INDEX ratings_by_created ON ratings (office, created_at);
      CREATE INDEX ratings_by_reference ON ratings (office, reference);

      CREATE TABLE feedback_new (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        idempotency_key TEXT,
        created_at TEXT NOT NULL,
        page TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        comment TEXT,
        context TEXT CHECK (context IN ('saran_konsultasi')),
        spam INTEGER NOT NULL CHECK (spam IN (0, 1)),
        UNIQUE (office, idempotency_key)
      ) STRICT;
      INSERT INTO feedback_new (id, office, idempotency_key, created_at, page, helpful, comment,
          context, spam)
        SELECT id, configured_office(), idempotency_key, created_at, page, helpful, comment,
          context, spam
        FROM feedback;
      DROP TABLE feedback;
      ALTER TABLE feedback_new RENAME TO feedback;
      CREATE INDEX feedback_by_page ON feedback (office, page);

      -- One row per office: each instance's health check writes its own.
      DROP TABLE health;
      CREATE TABLE health (office TEXT PRIMARY KEY, checked_at TEXT NOT NULL) STRICT;

      -- An officer's address is an account in one office; another office may know it too.
      CREATE TABLE staff_users_new (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        email TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'petugas')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT,
        UNIQUE (office, email)
      ) STRICT;
      INSERT INTO staff_users_new (id, office, email, name, role, password_hash, active,
          created_at, last_login_at)
        SELECT id, configured_office(), email, name, role, password_hash, active, created_at,
          last_login_at
        FROM staff_users;
      DROP TABLE staff_users;
      ALTER TABLE staff_users_new RENAME TO staff_users;

      CREATE TABLE search_queries_new (
        office TEXT NOT NULL,
        day TEXT NOT NULL,
        query TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 100),
        searches INTEGER NOT NULL CHECK (searches > 0),
        empty INTEGER NOT NULL DEFAULT 0,
        partial INTEGER NOT NULL DEFAULT 0,
        opened INTEGER NOT NULL DEFAULT 0,
        asked INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (office, day, query)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO search_queries_new (office, day, query, searches, empty, partial, opened, asked)
        SELECT configured_office(), day, query, searches, empty, partial, opened, asked
        FROM search_queries;
      DROP TABLE search_queries;
      ALTER TABLE search_queries_new RENAME TO search_queries;

      -- An address confirmed at one office is a stranger to another.
      CREATE TABLE citizens_new (
        office TEXT NOT NULL,
        email TEXT NOT NULL,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        PRIMARY KEY (office, email)
      ) STRICT;
      INSERT INTO citizens_new (office, email, created_at, confirmed_at)
        SELECT configured_office(), email, created_at, confirmed_at FROM citizens;
      DROP TABLE citizens;
      ALTER TABLE citizens_new RENAME TO citizens;

      -- Ticket ids stay unique in the database (random, in the ticket's address); references
      -- and the day's numbers are per office.
      CREATE TABLE visits_new (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        reference TEXT NOT NULL,
        ticket_id TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        service TEXT NOT NULL,
        prefix TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        state TEXT NOT NULL CHECK (state IN ('menunggu', 'dipanggil', 'dilayani', 'selesai', 'tidak_hadir')),
        skips INTEGER NOT NULL DEFAULT 0,
        calls INTEGER NOT NULL DEFAULT 0,
        queued_at TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        called_at TEXT,
        started_at TEXT,
        finished_at TEXT,
        desk TEXT,
        staff_id INTEGER REFERENCES staff_users (id),
        name TEXT,
        phone TEXT,
        email TEXT,
        institution TEXT,
        topic TEXT,
        note TEXT,
        follow_up_reference TEXT,
        erased_at TEXT,
        UNIQUE (office, reference),
        UNIQUE (office, day, service, seq)
      ) STRICT;
      INSERT INTO visits_new (id, office, reference, ticket_id, day, service, prefix, seq, state,
          skips, calls, queued_at, arrived_at, called_at, started_at, finished_at, desk, staff_id,
          name, phone, email, institution, topic, note, follow_up_reference, erased_at)
        SELECT id, configured_office(), reference, ticket_id, day, service, prefix, seq, state,
          skips, calls, queued_at, arrived_at, called_at, started_at, finished_at, desk, staff_id,
          name, phone, email, institution, topic, note, follow_up_reference, erased_at
        FROM visits;
      DROP TABLE visits;
      ALTER TABLE visits_new RENAME TO visits;
      CREATE INDEX visits_by_day ON visits (office, day, state, queued_at);
      CREATE INDEX visits_by_email ON visits (office, email) WHERE email IS NOT NULL;

      -- The other tables keep their keys (random token hashes, ids) and gain the column.
      -- SQLite adds a NOT NULL column only with a constant default; the code writes the office
      -- on every insert, and the rows already here are the configured office's.
      ${[
        'history',
        'outbox',
        'staff_sessions',
        'login_attempts',
        'audit_log',
        'citizen_tokens',
        'citizen_sessions',
        'meetings',
        'meeting_slots',
        'kiosk_devices',
        'kiosk_links',
      ]
        .map(
          (table) =>
            `ALTER TABLE ${table} ADD COLUMN office TEXT NOT NULL DEFAULT '';
      UPDATE ${table} SET office = configured_office();`,
        )
        .join('\n      ')}
      DROP INDEX history_idempotency;
      CREATE UNIQUE INDEX history_idempotency ON history (office, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox (office, next_attempt_at)
        WHERE sent_at IS NULL AND failed_at IS NULL;
      DROP INDEX outbox_by_recipient;
      CREATE INDEX outbox_by_recipient ON outbox (office, recipient, purpose, created_at);
      DROP INDEX login_attempts_by_email;
      CREATE INDEX login_attempts_by_email ON login_attempts (office, email, at);
      DROP INDEX login_attempts_by_client;
      CREATE INDEX login_attempts_by_client ON login_attempts (office, client, at);
      DROP INDEX audit_log_by_at;
      CREATE INDEX audit_log_by_at ON audit_log (office, at);
      DROP INDEX citizen_tokens_by_email;
      CREATE INDEX citizen_tokens_by_email ON citizen_tokens (office, email, purpose);
      DROP INDEX citizen_sessions_by_email;
      CREATE INDEX citizen_sessions_by_email ON citizen_sessions (office, email);
      DROP INDEX meeting_slots_by_start;
      CREATE INDEX meeting_slots_by_start ON meeting_slots (office, starts_at);
    `,
  },
];
