/**
 * Reads process.env once. Every variable is optional with a safe default; a variable that is
 * set but wrong is reported by name (never with its value, which may be a secret) so the
 * server refuses to start instead of running half-configured.
 */
import type { Office } from '../content-schemas/office.ts';
import type { Config } from './config.ts';
import { DEFAULT_DATA_DIR } from './storage/location.ts';

export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  /** DATABASE_URL (postgres://…): the PostgreSQL store; null keeps SQLite in DATA_DIR. */
  databaseUrl: string | null;
  /** The office whose rows this instance reads and writes: office.yaml's code. */
  office: string;
  /** smtp:// or smtps:// URL; null keeps mail in the outbox. */
  smtpUrl: string | null;
  /** SKIP_BUILD=1: serve dist/ as it is (tests, or a host that builds separately). */
  skipBuild: boolean;
  config: Omit<Config, 'inlineHashes' | 'stylesheets' | 'linkSecret'>;
  /** LINK_SECRET; null: the start reads (or makes) the one kept in DATA_DIR. */
  linkSecret: string | null;
}

export type EnvResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Spam heuristics: a person needs longer than this to fill in any of the forms. */
const MIN_FILL_MS = 3000;
/** Shorter staff tokens are guessable; `openssl rand -base64 32` gives 44 characters. */
const MIN_TOKEN_LENGTH = 24;
/** "aaaa…" or "abab…" is long but guessable; a random token of 24 uses far more symbols. */
const MIN_TOKEN_VARIETY = 8;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function parseEnv(env: Record<string, string | undefined>, office: Office): EnvResult {
  const problems: string[] = [];
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };

  function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  function flag(name: string): boolean {
    const raw = value(name);
    if (raw === undefined || raw === '0' || raw === 'false') return false;
    if (raw === '1' || raw === 'true') return true;
    problems.push(`${name}: expected 1 or 0`);
    return false;
  }

  function origin(name: string, raw: string): string | null {
    try {
      const url = new URL(raw);
      if (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.origin === raw.replace(/\/$/, '')
      ) {
        return url.origin;
      }
    } catch {
      // reported below
    }
    problems.push(
      `${name}: expected origins like https://pst.example.go.id (scheme and host, no path)`,
    );
    return null;
  }

  function email(name: string, fallback: string): string {
    const raw = value(name) ?? fallback;
    if (!EMAIL.test(raw.replace(/^.*<(.*)>$/, '$1')))
      problems.push(`${name}: expected an email address`);
    return raw;
  }

  const staffToken = value('STAFF_TOKEN') ?? null;
  if (
    staffToken !== null &&
    (staffToken.length < MIN_TOKEN_LENGTH || new Set(staffToken).size < MIN_TOKEN_VARIETY)
  ) {
    problems.push(
      `STAFF_TOKEN: expected at least ${MIN_TOKEN_LENGTH} characters, not one repeated (try: openssl rand -base64 32)`,
    );
  }

  const linkSecret = value('LINK_SECRET') ?? null;
  if (
    linkSecret !== null &&
    (linkSecret.length < 32 || new Set(linkSecret).size < MIN_TOKEN_VARIETY)
  ) {
    problems.push(
      'LINK_SECRET: expected at least 32 random characters (try: openssl rand -base64 32)',
    );
  }

  const smtpUrl = value('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    problems.push('SMTP_URL: expected smtp://user:password@host:587 or smtps://…:465');
  }

  const databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^/]/.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected postgres://user:password@host:5432/database');
  }
  // Several instances share one database; a link mailed by one must open on every other, and
  // a secret kept in each instance's own DATA_DIR would differ.
  if (databaseUrl !== null && linkSecret === null) {
    problems.push('LINK_SECRET: required with DATABASE_URL, the same on every instance');
  }

  // The instance serves one content folder: its pages, mails and deadlines are that office's.
  // An OFFICE_CODE that disagrees is a wrong folder or a wrong variable; taking either one
  // would store one office's requests under the other's pages, so the start refuses instead.
  const officeCode = value('OFFICE_CODE');
  if (officeCode !== undefined && officeCode !== office.code) {
    problems.push(
      `OFFICE_CODE: expected the code of the office in the content folder (office.yaml: ${office.code})`,
    );
  }

  const allowedOrigins = (value('ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => origin('ALLOWED_ORIGINS', entry))
    .filter((entry) => entry !== null);

  const formEndpoint = value('PUBLIC_FORM_ENDPOINT');
  let formEndpointOrigin: string | null = null;
  if (formEndpoint !== undefined) {
    try {
      formEndpointOrigin = new URL(formEndpoint).origin;
    } catch {
      problems.push('PUBLIC_FORM_ENDPOINT: expected a URL like https://formulir.example.go.id');
    }
  }

  const settings: Settings = {
    host: value('HOST') ?? '127.0.0.1',
    port: integer('PORT', 4321, 0, 65535),
    dataDir: value('DATA_DIR') ?? DEFAULT_DATA_DIR,
    databaseUrl,
    office: office.code,
    smtpUrl,
    linkSecret,
    skipBuild: flag('SKIP_BUILD'),
    config: {
      staffToken,
      allowedOrigins,
      formEndpointOrigin,
      rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 20, 0, 100_000),
      trustProxy: flag('TRUST_PROXY'),
      minFillMs: MIN_FILL_MS,
      staffEmail: email('STAFF_EMAIL', office.email),
      mailFrom: email('MAIL_FROM', `"${office.shortName}" <${office.email}>`),
    },
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}
