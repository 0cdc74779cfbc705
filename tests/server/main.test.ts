import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { tempDir } from './harness.ts';
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

test('SIGTERM closes the server and the database cleanly', async () => {
  const dir = tempDir();
  const server = await startServer(dir.path);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  await server.stop();
  expect(server.child.exitCode).toBe(0);
  dir.remove();
});
