import { describe, expect, test } from 'vitest';
import { parseEnv } from '../../src/server/env.ts';
import { office } from './harness.ts';

describe('parseEnv', () => {
  test('everything is optional, with safe defaults', () => {
    const result = parseEnv({}, office);
    expect(result).toEqual({
      ok: true,
      settings: {
        host: '127.0.0.1',
        port: 4321,
        dataDir: './data',
        databaseUrl: null,
        office: office.code,
        smtpUrl: null,
        linkSecret: null,
        skipBuild: false,
        config: {
          staffToken: null,
          allowedOrigins: [],
          formEndpointOrigin: null,
          rateLimitPerMinute: 20,
          trustProxy: false,
          minFillMs: 3000,
          staffEmail: office.email,
          mailFrom: `"${office.shortName}" <${office.email}>`,
        },
      },
    });
  });

  test('reads every variable', () => {
    const result = parseEnv(
      {
        HOST: '0.0.0.0',
        PORT: '8080',
        DATA_DIR: '/var/lib/pst',
        STAFF_TOKEN: 'q8Yt3Kz0PwR7mNvB2xLc9HsJ4dFgA6eU',
        SMTP_URL: 'smtp://user:secret@mail.example.go.id:587',
        MAIL_FROM: 'PST <pst@example.go.id>',
        STAFF_EMAIL: 'petugas@example.go.id',
        ALLOWED_ORIGINS: 'https://pst.example.go.id, http://localhost:4321/',
        PUBLIC_FORM_ENDPOINT: 'https://formulir.example.go.id/api',
        RATE_LIMIT_PER_MINUTE: '0',
        TRUST_PROXY: '1',
        SKIP_BUILD: '1',
        DATABASE_URL: 'postgres://pst:secret@db.example.go.id:5432/pst',
        LINK_SECRET: 'Zq8Yt3Kz0PwR7mNvB2xLc9HsJ4dFgA6eU1',
        OFFICE_CODE: office.code,
      },
      office,
    );
    expect(result.ok && result.settings).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/pst',
      databaseUrl: 'postgres://pst:secret@db.example.go.id:5432/pst',
      smtpUrl: 'smtp://user:secret@mail.example.go.id:587',
      skipBuild: true,
      config: {
        staffToken: 'q8Yt3Kz0PwR7mNvB2xLc9HsJ4dFgA6eU',
        allowedOrigins: ['https://pst.example.go.id', 'http://localhost:4321'],
        formEndpointOrigin: 'https://formulir.example.go.id',
        rateLimitPerMinute: 0,
        trustProxy: true,
        staffEmail: 'petugas@example.go.id',
        mailFrom: 'PST <pst@example.go.id>',
      },
    });
  });

  test('every wrong variable is named, secrets are never echoed', () => {
    const result = parseEnv(
      {
        PORT: 'http',
        STAFF_TOKEN: 'rahasia',
        SMTP_URL: 'mail.example.go.id',
        ALLOWED_ORIGINS: 'https://pst.example.go.id/halaman',
        TRUST_PROXY: 'ya',
        STAFF_EMAIL: 'petugas',
        DATABASE_URL: 'mysql://db.example.go.id/pst',
      },
      office,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ALLOWED_ORIGINS',
      'DATABASE_URL',
      'LINK_SECRET',
      'PORT',
      'SMTP_URL',
      'STAFF_EMAIL',
      'STAFF_TOKEN',
      'TRUST_PROXY',
    ]);
    expect(problems.join('\n')).not.toMatch(/rahasia|mail\.example/);
  });

  test('a staff token that is one repeated character is refused, however long', () => {
    for (const token of ['a'.repeat(40), 'ab'.repeat(20)]) {
      const result = parseEnv({ STAFF_TOKEN: token }, office);
      expect(result.ok, token).toBe(false);
      expect(result.ok ? [] : result.problems).toEqual([
        'STAFF_TOKEN: expected at least 24 characters, not one repeated (try: openssl rand -base64 32)',
      ]);
    }
  });

  test('PostgreSQL needs the link secret set, the same on every instance', () => {
    const result = parseEnv({ DATABASE_URL: 'postgres://pst@127.0.0.1/pst' }, office);
    expect(result.ok ? [] : result.problems).toEqual([
      'LINK_SECRET: required with DATABASE_URL, the same on every instance',
    ]);
  });

  test('OFFICE_CODE must name the office of the content folder, or the start refuses', () => {
    const result = parseEnv({ OFFICE_CODE: '9901' }, office);
    expect(result.ok ? [] : result.problems).toEqual([
      `OFFICE_CODE: expected the code of the office in the content folder (office.yaml: ${office.code})`,
    ]);
  });
});
