/**
 * Running one parameterised statement on PostgreSQL. The adapter's SQL is written with
 * `:name` placeholders, as the SQLite adapter's is, so the two read alike; they are bound to
 * `$n` parameters here, never spliced into the text.
 */
import postgres from 'postgres';
import type { Row } from './rows.ts';

/** Values bound to a statement's `:name` placeholders. */
export type Params = Record<string, string | number | null | undefined>;
/** Runs one parameterised statement (`:name` placeholders) and returns its rows. */
export type Query = (text: string, params?: Params) => Promise<Row[]>;
/** Runs `work` in one transaction, committed when it resolves, rolled back when it throws. */
export type Transaction = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

const bound = new Map<string, { text: string; names: string[] }>();

/** `:name` placeholders to `$n`, once per statement text; `::type` casts are left alone. */
function bind(text: string): { text: string; names: string[] } {
  let statement = bound.get(text);
  if (!statement) {
    const names: string[] = [];
    const positional = text.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    statement = { text: positional, names };
    bound.set(text, statement);
  }
  return statement;
}

export function queryOn(sql: postgres.Sql | postgres.TransactionSql): Query {
  return async (text, params = {}) => {
    const statement = bind(text);
    const values = statement.names.map((name) => {
      if (!(name in params)) throw new TypeError(`no value for :${name}`);
      return params[name] ?? null;
    });
    return (await sql.unsafe(statement.text, values as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    })) as unknown as Row[];
  };
}

/**
 * A transaction-scoped lock on a name of the store's office (released at commit or rollback):
 * one writer per key and office; another office's writers do not wait for it.
 */
export async function lockKey(query: Query, key: string): Promise<void> {
  await query("SELECT pg_advisory_xact_lock(hashtext(:office || ':' || :key))", { key });
}
