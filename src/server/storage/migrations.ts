/**
 * Schema migrations for the SQLite store, applied in order at start. The applied version is
 * kept in SQLite's own `PRAGMA user_version`, written in the same transaction as the
 * migration, so a crash never leaves a half-applied version. Never edit a released
 * migration; append a new one.
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
    description: 'search counts per day and query (issue 17)',
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
];
