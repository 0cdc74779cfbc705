import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../src/server/domain/passwords.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite-store.ts';
import { office, ON_POSTGRES, query, tempDir } from './harness.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const PASSWORD = 'sungai-siak-mengalir-jauh';

/** `npm run staff -- …` as an operator runs it, stdin piped (not a terminal). */
function staff(args: string[], stdin = '', env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['scripts/staff.ts', ...args], {
    input: stdin,
    env: { ...process.env, DATA_DIR: dir.path, ...env },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const db = () => join(dir.path, 'pst.sqlite');

// The script against SQLite in DATA_DIR (a temporary one); skipped on PostgreSQL.
describe.skipIf(ON_POSTGRES)('npm run staff', () => {
  test('add reads the password from stdin, stores only its scrypt hash, and never prints it', async () => {
    const added = staff(
      ['add', 'Sari@Contoh.go.id', '--name', 'Sari Dewi', '--role', 'admin'],
      `${PASSWORD}\n`,
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain('Sari Dewi <sari@contoh.go.id>, peran admin');
    expect(added.out + added.err).not.toContain(PASSWORD);
    const [row] = await query(db(), 'SELECT email, role, active, password_hash FROM staff_users');
    expect(row).toMatchObject({ email: 'sari@contoh.go.id', role: 'admin', active: 1 });
    expect(String(row.password_hash)).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, String(row.password_hash))).toBe(true);
    expect(await query(db(), 'SELECT action, target FROM audit_log')).toEqual([
      { action: 'akun-tambah', target: 'sari@contoh.go.id' },
    ]);
  });

  test('accounts are the content folder’s office; an OFFICE_CODE that disagrees is refused', async () => {
    expect(staff(['add', 'sari@contoh.go.id', '--name', 'Sari'], `${PASSWORD}\n`).code).toBe(0);
    expect(await query(db(), 'SELECT office FROM staff_users')).toEqual([{ office: office.code }]);
    const refused = staff(['list'], '', { OFFICE_CODE: '9901' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `OFFICE_CODE (9901) tidak sama dengan kode kantor di office.yaml (${office.code})`,
    );
    expect(staff(['list'], '', { OFFICE_CODE: office.code }).out).toContain('sari@contoh.go.id');
  });

  test('list shows email, name, role, state and last login', () => {
    staff(['add', 'budi@contoh.go.id', '--name', 'Budi Santoso'], `${PASSWORD}\n`);
    const listed = staff(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out.trim()).toBe(
      'budi@contoh.go.id\tBudi Santoso\tpetugas\taktif\tbelum pernah masuk',
    );
  });

  test.each([
    ['short', 'pendek123', 'paling sedikit 12 karakter'],
    ['common', 'password1234', 'terlalu umum'],
    ['containing the email', 'budisantoso-2026', 'tidak boleh memuat alamat email'],
  ])('a %s password is refused with a message (exit 1)', async (_, password, message) => {
    const run = staff(['add', 'budisantoso@contoh.go.id', '--name', 'Budi'], `${password}\n`);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
    expect(run.out + run.err).not.toContain(password);
    expect((await query(db(), 'SELECT COUNT(*) AS n FROM staff_users'))[0].n).toBe(0);
  });

  test('a taken email is refused; wrong usage exits 2 with the usage', () => {
    staff(['add', 'budi@contoh.go.id', '--name', 'Budi'], `${PASSWORD}\n`);
    expect(staff(['add', 'budi@contoh.go.id', '--name', 'Budi'], `${PASSWORD}\n`).code).toBe(1);
    for (const args of [
      [],
      ['hapus'],
      ['add', 'budi2@contoh.go.id'],
      ['add', 'x@contoh.go.id', '--name', 'X', '--role', 'raja'],
      ['list', '--sandi'],
    ]) {
      const run = staff(args, `${PASSWORD}\n`);
      expect(run.code).toBe(2);
      expect(run.err).toContain('Pakai:');
    }
    expect(staff(['disable', 'siapa@contoh.go.id']).code).toBe(1);
  });

  test('disable and reset end the officer’s sessions; reset takes the new password', async () => {
    staff(['add', 'budi@contoh.go.id', '--name', 'Budi'], `${PASSWORD}\n`);
    const store = openSqliteStore(db(), office.code);
    try {
      const session = async (token: string) => {
        const staffId = Number((await query(db(), 'SELECT id FROM staff_users'))[0].id);
        await store.createSession({
          tokenHash: token,
          staffId,
          csrf: 'c',
          at: new Date().toISOString(),
        });
      };
      await session('a'.repeat(64));
      expect(staff(['disable', 'budi@contoh.go.id']).code).toBe(0);
      expect(await store.findSession('a'.repeat(64))).toBeNull();
      expect(staff(['list']).out).toContain('nonaktif');
      expect(staff(['enable', 'budi@contoh.go.id']).code).toBe(0);
      await session('b'.repeat(64));
      const reset = staff(['reset', 'budi@contoh.go.id'], 'angin-selatan-berhembus\n');
      expect(reset.code).toBe(0);
      expect(await store.findSession('b'.repeat(64))).toBeNull();
      const hash = String(
        (await query(db(), 'SELECT password_hash FROM staff_users'))[0].password_hash,
      );
      expect(await verifyPassword('angin-selatan-berhembus', hash)).toBe(true);
      expect(await verifyPassword(PASSWORD, hash)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
