/**
 * A throwaway PostgreSQL cluster in a temporary directory, as scripts/test-postgres.sh makes
 * one, for what must own its server: the restart test stops and starts it under load, and
 * `npm run bench` measures on it when DATABASE_URL is not set. Run by the unprivileged user
 * `pgtest` when this process is root (initdb refuses root); listens on 127.0.0.1 only.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:port/postgres (trust authentication). */
  url: string;
  /** pg_ctl stop; `immediate` is a crash: no checkpoint, recovery at the next start. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** pg_ctl start, resolved once the server accepts connections. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its directory. */
  remove(): Promise<void>;
  /** The postmaster's process id while the server runs (its backends are its children). */
  pid(): number | null;
}

/** PG_BIN, else the newest /usr/lib/postgresql/<version>/bin holding initdb; null when none. */
export function postgresBin(): string | null {
  const chosen = process.env.PG_BIN;
  if (chosen) return existsSync(join(chosen, 'initdb')) ? chosen : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? join(root, versions.at(-1) as string, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Creates and starts a cluster. `settings` are extra `-c name=value` server settings; the
 * defaults keep PostgreSQL's own durability (fsync and synchronous_commit on), which a restart
 * under load and a fair benchmark both need.
 */
export async function startThrowawayCluster(
  bin: string,
  settings: Record<string, string> = {},
): Promise<ThrowawayCluster> {
  const asOwner: string[] = [];
  let owner: number | null = null;
  if (process.getuid?.() === 0) {
    const uid = () => Number(execFileSync('id', ['-u', 'pgtest'], { encoding: 'utf8' }).trim());
    try {
      owner = uid();
    } catch {
      execFileSync('useradd', [
        '--system',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        'pgtest',
      ]);
      owner = uid();
    }
    asOwner.push('runuser', '-u', 'pgtest', '--');
  }
  // Asynchronous: the caller's requests keep flowing while pg_ctl waits on the server.
  const run = async (command: string, args: string[]) => {
    const [file, ...rest] = [...asOwner, join(bin, command), ...args];
    await promisify(execFile)(file, rest);
  };

  const dir = mkdtempSync(join(tmpdir(), 'pst-postgres-'));
  if (owner !== null) chownSync(dir, owner, -1);
  const data = join(dir, 'data');
  const port = await freePort();
  const options = Object.entries({
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    max_connections: '100',
    ...settings,
  })
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  let running = false;
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      running = true;
      await run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-s',
        'start',
        '-o',
        options,
      ]);
    },
    async stop(mode) {
      await run('pg_ctl', ['-D', data, '-m', mode, '-w', '-s', 'stop']);
      running = false;
    },
    pid() {
      try {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return null;
      }
    },
    async remove() {
      try {
        if (running) await cluster.stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await cluster.start();
  } catch (error) {
    // What failed is the error worth reporting, not a stop of a server that never ran.
    await cluster.remove().catch(() => {});
    throw error;
  }
  return cluster;
}
