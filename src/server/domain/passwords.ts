/**
 * Officers' passwords: what is accepted, and how it is kept. scrypt from node:crypto (RFC
 * 7914) with a salt of its own per officer; the parameters are stored with each hash so they
 * can be raised later without locking anyone out. Hashing runs in libuv's thread pool, not on
 * the thread that serves pages.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const MIN_LENGTH = 12;
// N = 2^15, r = 8: 32 MiB and ~50–100 ms per hash on this 2-core machine; OWASP's password
// storage cheat sheet gives N=2^17 as a minimum for scrypt on servers with more memory to
// spare, so the stored parameters let an office raise it.
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

// The passwords people pick first, in Indonesian offices too (from public breach lists' top
// entries plus local words). A small list, as the rule is "not an obvious one", not "strong".
const COMMON = new Set(
  [
    '123456789012',
    '1234567890123',
    'qwertyuiop12',
    'qwerty123456',
    'password1234',
    'password12345',
    'passwordpassword',
    'iloveyou1234',
    'admin1234567',
    'administrator',
    'welcome12345',
    'letmein12345',
    '000000000000',
    '111111111111',
    '123123123123',
    'abcdefghijkl',
    'abc123456789',
    'asdfghjkl123',
    'bismillah123',
    'bismillahirrahmanirrahim',
    'indonesia123',
    'indonesiaraya',
    'merdeka12345',
    'katasandi123',
    'katasandiku1',
    'rahasia12345',
    'rahasiasekali',
    'petugaspst123',
    'badanpusatstatistik',
    'statistik123',
    'statistika123',
    'pelayanan123',
    'jakarta12345',
    'sayangku1234',
    'cintaku12345',
  ].map((word) => word.toLowerCase()),
);

export type PasswordProblem = 'too_short' | 'common' | 'like_email';

export const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  too_short: `Kata sandi harus paling sedikit ${MIN_LENGTH} karakter.`,
  common:
    'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain, misalnya beberapa kata yang tidak berhubungan.',
  like_email: 'Kata sandi tidak boleh memuat alamat email Anda.',
};

/** Why `password` is not accepted for the officer with `email`, or null. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < MIN_LENGTH) return 'too_short';
  const plain = password.toLowerCase();
  if (COMMON.has(plain) || new Set(plain).size <= 2) return 'common';
  const local = email.toLowerCase().split('@')[0];
  if (local.length >= 4 && plain.includes(local)) return 'like_email';
  return null;
}

function derive(
  password: string,
  salt: Buffer,
  options: ScryptOptions & { N: number; r: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem above the 128·N·r bytes scrypt needs (Node's default limit is 32 MiB).
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 256 * options.N * options.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** "scrypt$N$r$p$salt$hash" (salt and hash in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMETERS);
  const { N, r, p } = PARAMETERS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `stored`, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Compared against when the email is unknown, so a wrong email takes as long as a wrong
 * password and the answer time does not tell which accounts exist.
 */
export const DECOY_HASH = `scrypt$${PARAMETERS.N}$${PARAMETERS.r}$${PARAMETERS.p}$AAAAAAAAAAAAAAAAAAAAAA==$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
