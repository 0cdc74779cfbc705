import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from 'vitest';
import { ON_POSTGRES, tempDir } from './harness.ts';
import { startServer } from './spawned-server.ts';

test('a wrongly set variable stops the start, naming it and not its value', () => {
  const result = spawnSync(process.execPath, ['src/server/main.ts'], {
    env: {
      ...process.env,
      SKIP_BUILD: '1',
      PORT: 'delapan',
      STAFF_TOKEN: 'pendek-rahasia',
      DATA_DIR: '/nonexistent/pst',
    },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Variabel lingkungan tidak valid');
  expect(result.stderr).toMatch(/- PORT: /);
  expect(result.stderr).toMatch(/- STAFF_TOKEN: /);
  expect(result.stderr).not.toContain('pendek-rahasia');
});

// The spawned servers below run on SQLite in DATA_DIR (its file, its user_version); PostgreSQL's
// concurrent migrations and newer-schema refusal are in store-contract.test.ts.
test.skipIf(ON_POSTGRES)('SIGTERM closes the server and the database cleanly', async () => {
  const dir = tempDir();
  const server = await startServer(dir.path);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  await server.stop();
  expect(server.child.exitCode).toBe(0);
  dir.remove();
});

test('an office.yaml that does not match its schema stops the server and the linter, naming file and field', () => {
  const dir = tempDir();
  const content = join(dir.path, 'content');
  cpSync('content', content, { recursive: true });
  const office = readFileSync(join(content, 'office.yaml'), 'utf8');
  writeFileSync(join(content, 'office.yaml'), office.replace(/^email: .*$/m, 'email: bukan-email'));
  try {
    const env = {
      ...process.env,
      SKIP_BUILD: '1',
      CONTENT_DIR: content,
      DATA_DIR: join(dir.path, 'data'),
    };
    const server = spawnSync(process.execPath, ['src/server/main.ts'], { env, encoding: 'utf8' });
    expect(server.status).toBe(1);
    expect(server.stderr).toContain(`${join(content, 'office.yaml')} is not valid:`);
    expect(server.stderr).toMatch(/^\s+email: /m);
    const lint = spawnSync(process.execPath, ['scripts/lint-content.ts'], {
      env,
      encoding: 'utf8',
    });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toContain(`${join(content, 'office.yaml')} is not valid:`);
    expect(lint.stderr).toMatch(/^\s+email: /m);
  } finally {
    dir.remove();
  }
});

test.skipIf(ON_POSTGRES)(
  'two servers starting on one fresh data directory both come up: the second waits for the first migration',
  async () => {
    const dir = tempDir();
    const [first, second] = await Promise.all([startServer(dir.path), startServer(dir.path)]);
    try {
      for (const server of [first, second]) {
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      }
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      dir.remove();
    }
  },
);

test.skipIf(ON_POSTGRES)(
  'a database made by a newer version is refused at start, saying so',
  () => {
    const dir = tempDir();
    const db = new DatabaseSync(join(dir.path, 'pst.sqlite'));
    db.exec('PRAGMA user_version = 99');
    db.close();
    try {
      const result = spawnSync(process.execPath, ['src/server/main.ts'], {
        env: { ...process.env, SKIP_BUILD: '1', PORT: '0', DATA_DIR: dir.path },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('dibuat oleh versi aplikasi yang lebih baru (skema 99');
    } finally {
      dir.remove();
    }
  },
);
