// Officers' accounts from the command line (the first admin is made here):
//   npm run staff -- add EMAIL --name "NAME" [--role admin|petugas]
//   npm run staff -- list
//   npm run staff -- disable EMAIL | enable EMAIL
//   npm run staff -- reset EMAIL
//   npm run staff -- kiosk-link [--label "NAMA PERANGKAT"] [--origin https://…]
// A password is read from the first line of stdin when stdin is not a terminal (scripts,
// `printf '%s\n' "$PW" | npm run staff -- add …`), else asked for without echo. It is never
// printed. Honours DATA_DIR, DATABASE_URL, CONTENT_DIR and OFFICE_CODE as the server does. Exit 0 done, 1 refused (with the reason), 2 wrong usage.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { formatJakartaDateTime } from '../src/lib/working-days.ts';
import { email as emailField } from '../src/schemas/fields.ts';
import {
  hashPassword,
  PASSWORD_PROBLEMS,
  passwordProblem,
} from '../src/server/domain/passwords.ts';
import { loadOffice } from '../src/content-schemas/load.ts';
import { newPairingToken, pairingUrl, PAIRING_LINK_MS } from '../src/server/http/kiosk-device.ts';
import { dataDirFrom } from '../src/server/storage/location.ts';
import { openStore } from '../src/server/storage/open-store.ts';
import type { StaffRole, Store } from '../src/server/storage/store.ts';

const USAGE = `Pakai:
  npm run staff -- add EMAIL --name "NAMA" [--role admin|petugas]
  npm run staff -- list
  npm run staff -- disable EMAIL
  npm run staff -- enable EMAIL
  npm run staff -- reset EMAIL
  npm run staff -- kiosk-link [--label "NAMA PERANGKAT"] [--origin https://…]`;

class Refused extends Error {}
class Usage extends Error {}

/** The first line of piped stdin, or what is typed at a prompt that does not echo. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') {
          process.stdin.setRawMode(false);
          return reject(new Refused('Dibatalkan.'));
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    process.stdin.on('data', onData);
  });
}

async function newPassword(email: string): Promise<string> {
  const password = (await readPassword('Kata sandi: ')).replace(/\r$/, '');
  const problem = passwordProblem(password, email);
  if (problem) throw new Refused(PASSWORD_PROBLEMS[problem]);
  return password;
}

function checkedEmail(value: string | undefined): string {
  if (!value) throw new Usage('EMAIL belum diisi.');
  const parsed = v.safeParse(emailField(), value);
  if (!parsed.success) throw new Refused(`Alamat email tidak valid: ${value}`);
  return parsed.output;
}

async function account(store: Store, email: string) {
  const found = await store.findStaff(email);
  if (!found) throw new Refused(`Tidak ada akun petugas dengan email ${email}.`);
  return found;
}

const audit = (store: Store, action: string, target: string) =>
  store.audit({ at: new Date().toISOString(), staffId: null, action, target });

export async function runStaffCommand(store: Store, args: string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        role: { type: 'string', default: 'petugas' },
        label: { type: 'string', default: 'Kiosk Front Office' },
        origin: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new Usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  switch (command) {
    case 'add': {
      const email = checkedEmail(target);
      const name = values.name?.trim();
      if (!name) throw new Usage('--name "NAMA" belum diisi.');
      if (values.role !== 'admin' && values.role !== 'petugas')
        throw new Usage('--role harus admin atau petugas.');
      if (await store.findStaff(email))
        throw new Refused(`Email ${email} sudah dipakai akun lain.`);
      const passwordHash = await hashPassword(await newPassword(email));
      const role = values.role as StaffRole;
      if (
        !(await store.createStaff({
          email,
          name,
          role,
          passwordHash,
          at: new Date().toISOString(),
        }))
      )
        throw new Refused(`Email ${email} sudah dipakai akun lain.`);
      await audit(store, 'akun-tambah', email);
      return `Akun ditambahkan: ${name} <${email}>, peran ${role}.`;
    }
    case 'list': {
      const accounts = await store.listStaff();
      if (accounts.length === 0)
        return 'Belum ada akun petugas. Tambah dengan: npm run staff -- add EMAIL --name "NAMA" --role admin';
      return accounts
        .map((a) =>
          [
            a.email,
            a.name,
            a.role,
            a.active ? 'aktif' : 'nonaktif',
            a.lastLoginAt
              ? `masuk ${formatJakartaDateTime(new Date(a.lastLoginAt))}`
              : 'belum pernah masuk',
          ].join('\t'),
        )
        .join('\n');
    }
    case 'disable':
    case 'enable': {
      const found = await account(store, checkedEmail(target));
      await store.setStaffActive(found.id, command === 'enable');
      await audit(store, command === 'enable' ? 'akun-aktif' : 'akun-nonaktif', found.email);
      return command === 'enable'
        ? `Akun ${found.email} aktif kembali.`
        : `Akun ${found.email} dinonaktifkan; semua sesinya berakhir.`;
    }
    case 'reset': {
      const found = await account(store, checkedEmail(target));
      await store.setStaffPassword(found.id, await hashPassword(await newPassword(found.email)));
      await audit(store, 'akun-atur-ulang', found.email);
      return `Kata sandi ${found.email} diganti; semua sesinya berakhir.`;
    }
    case 'kiosk-link': {
      // The endpoint's address: --origin, else PUBLIC_FORM_ENDPOINT, else the site's.
      const origin =
        values.origin ?? process.env.PUBLIC_FORM_ENDPOINT?.trim() ?? loadOffice().siteUrl;
      try {
        if (!/^https?:$/.test(new URL(origin).protocol)) throw new Error('scheme');
      } catch {
        throw new Usage(`--origin harus alamat http(s), bukan ${origin}`);
      }
      const label = values.label.trim().slice(0, 60) || 'Kiosk Front Office';
      const { token, hash } = newPairingToken();
      const now = Date.now();
      await store.createKioskLink({
        tokenHash: hash,
        label,
        staffId: null,
        at: new Date(now).toISOString(),
        expiresAt: new Date(now + PAIRING_LINK_MS).toISOString(),
      });
      return [
        `Tautan pemasangan kiosk "${label}" (sekali pakai, berlaku 24 jam):`,
        pairingUrl(new URL(origin).origin, token),
      ].join('\n');
    }
    default:
      throw new Usage(command ? `Perintah tidak dikenal: ${command}` : 'Perintah belum diisi.');
  }
}

if (import.meta.main) {
  // The server's database: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR; the accounts
  // are the office's of the content folder, as the server's are (OFFICE_CODE must agree).
  const office = loadOffice().code;
  const officeCode = process.env.OFFICE_CODE?.trim();
  if (officeCode && officeCode !== office) {
    console.error(
      `OFFICE_CODE (${officeCode}) tidak sama dengan kode kantor di office.yaml (${office}).`,
    );
    process.exit(1);
  }
  const store = await openStore({
    databaseUrl: process.env.DATABASE_URL?.trim() || null,
    dataDir: dataDirFrom(),
    office,
  });
  try {
    console.log(await runStaffCommand(store, process.argv.slice(2)));
  } catch (error) {
    if (error instanceof Usage) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof Refused) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await store.close();
  }
}
