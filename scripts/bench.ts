/**
 * `npm run bench`: how fast is a real submission, in one run on this machine, compared with
 *   - the floor (scripts/bench-floor.ts): Hono + the same valibot schema + one node:sqlite
 *     INSERT committed on its own with synchronous=FULL;
 *   - a bare node:http handler that reads the body and answers 201;
 * and does a page still answer quickly while the endpoint takes that write load?
 * POST /api/consultations runs on `node src/server/main.ts` with full validation, spam checks,
 * idempotency, a history row and two queued mails per request, committed in groups by the
 * store's worker thread; every request has its own idempotency key and email address.
 * Each measurement runs twice, alternating, to show the run-to-run spread. Beside req/s it
 * prints the CPU time each server spent per request (all its threads, from /proc on Linux):
 * on this 2-core machine, where the load generator takes one core, throughput is bound by CPU
 * and this figure moves far less with other work on the machine than req/s does. Not a test:
 * the figures depend on the machine (DESIGN.md "Machine facts"). Needs a built site (dist/).
 *
 * The same posts on PostgreSQL, in the same run: one instance, then two on the same database
 * with autocannon's connections split between them (a round-robin client). DATABASE_URL names
 * the database (the posts stay in it); without it a throwaway cluster is started when
 * PostgreSQL's binaries are installed (scripts/throwaway-postgres.ts, durability settings left
 * at PostgreSQL's defaults, like SQLite's synchronous=FULL here), else those rows are skipped.
 * Their CPU figure is the instances' own; the database server's CPU per request is printed
 * beside it when the cluster is this run's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBin, startThrowawayCluster, type ThrowawayCluster } from './throwaway-postgres.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

type Autocannon = (options: {
  /** Several: the connections are split between them. */
  url: string | string[];
  connections: number;
  duration: number;
  requests: (AutocannonRequest & {
    setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  })[];
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PAGE_CONNECTIONS = 4;
const EXAMPLE = JSON.parse(
  readFileSync('tests/fixtures/consultation/valid.json', 'utf8'),
) as Record<string, unknown>;
const PAGE = '/standar-pelayanan/';

const BARE_SERVER = `
  const http = require('node:http');
  const server = http.createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"reference":"KS-0000-000000"}');
    });
  });
  server.listen(0, '127.0.0.1', () => console.log('Situs berjalan di http://127.0.0.1:' + server.address().port + '/'));
`;

/** Starts a child process and resolves with the URL it prints when listening. */
function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

// Linux reports process times in clock ticks of 1/100 s (USER_HZ).
const TICKS_PER_MS = 0.1;

/** /proc/<pid>/stat's fields after the command name; null off Linux or once it has exited. */
function stat(pid: number | undefined): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms; null off Linux. */
function cpuMs(pid: number | undefined): number | null {
  const fields = stat(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS : null;
}

/**
 * CPU time of a PostgreSQL server so far, in ms: the postmaster, its live backends and what
 * its exited children used (cutime + cstime).
 */
function databaseCpuMs(postmaster: number | null): number | null {
  const fields = postmaster === null ? null : stat(postmaster);
  if (!fields) return null;
  const own = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map((pid) => (cpuMs(Number(pid)) ?? 0) * TICKS_PER_MS);
  return (own + children.reduce((a, b) => a + b, 0)) / TICKS_PER_MS;
}

const cpuPerRequest = new Map<AutocannonResult, number>();
const databaseCpuPerRequest = new Map<AutocannonResult, number>();

/** Runs `load` and keeps the CPU ms per request the servers (and the database) spent on it. */
async function measured(
  servers: ChildProcess | ChildProcess[],
  load: Promise<AutocannonResult>,
  postmaster: number | null = null,
): Promise<AutocannonResult> {
  const children = [servers].flat();
  const serversCpu = () => {
    const values = children.map((child) => cpuMs(child.pid));
    return values.includes(null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
  };
  const before = [serversCpu(), databaseCpuMs(postmaster)];
  const result = await load;
  const after = [serversCpu(), databaseCpuMs(postmaster)];
  const spent = (i: number) => {
    const [from, to] = [before[i], after[i]];
    return from !== null && to !== null && result.requests.total > 0
      ? (to - from) / result.requests.total
      : null;
  };
  const [cpu, databaseCpu] = [spent(0), spent(1)];
  if (cpu !== null) cpuPerRequest.set(result, cpu);
  if (databaseCpu !== null) databaseCpuPerRequest.set(result, databaseCpu);
  return result;
}

let sequence = 0;
/** A new submission each time: its own idempotency key and address (the acknowledgement limit is per address). */
function submission(request: AutocannonRequest): AutocannonRequest {
  sequence += 1;
  return {
    ...request,
    headers: { ...request.headers, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ ...EXAMPLE, email: `warga${sequence}@contoh.co.id` }),
  };
}

async function post(url: string | string[], connections = CONNECTIONS): Promise<AutocannonResult> {
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/consultations',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest: submission,
      },
    ],
  });
  if (result.non2xx + result.errors + result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

async function get(url: string, path: string): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: PAGE_CONNECTIONS,
    duration: DURATION_S,
    requests: [{ method: 'GET', path, headers: { 'accept-encoding': 'br' } }],
  });
}

const spread = (values: number[], digits = 0) =>
  values.length > 1
    ? `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`
    : values[0].toFixed(digits);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!existsSync('dist/index.html')) {
  console.error('Build the site first (npm run build): the page measurement reads dist/.');
  process.exit(1);
}

const SERVER_ENV = {
  SKIP_BUILD: '1',
  HOST: '127.0.0.1',
  PORT: '0',
  RATE_LIMIT_PER_MINUTE: '0',
  SMTP_URL: '',
};

/** The database of the PostgreSQL rows, or why there are none. */
async function postgresDatabase(): Promise<
  { url: string; cluster: ThrowawayCluster | null } | { skipped: string }
> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url, cluster: null };
  const bin = postgresBin();
  if (!bin)
    return { skipped: 'no DATABASE_URL and no PostgreSQL binaries (PG_BIN, /usr/lib/postgresql)' };
  const cluster = await startThrowawayCluster(bin);
  return { url: cluster.url, cluster };
}

const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'pst-bench-')));
// DATABASE_URL is for the PostgreSQL rows only: this one stays on SQLite.
const endpoint = await start(['src/server/main.ts'], {
  ...SERVER_ENV,
  DATA_DIR: dirs[0],
  DATABASE_URL: '',
});
const floor = await start(['scripts/bench-floor.ts']);
const bare = await start(['-e', BARE_SERVER]);
const database = await postgresDatabase();
const onPostgres: { url: string; child: ChildProcess }[] = [];
try {
  if ('url' in database) {
    // Started one after the other: the first migrates the new database.
    for (const dir of dirs.slice(1)) {
      onPostgres.push(
        await start(['src/server/main.ts'], {
          ...SERVER_ENV,
          DATA_DIR: dir,
          DATABASE_URL: database.url,
          LINK_SECRET: randomUUID() + randomUUID(),
        }),
      );
    }
  }
  const postmaster = 'url' in database ? (database.cluster?.pid() ?? null) : null;
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run, two runs each, alternating\n`,
  );
  const runs = {
    endpoint: [] as AutocannonResult[],
    postgres: [] as AutocannonResult[],
    postgresPair: [] as AutocannonResult[],
    floor: [] as AutocannonResult[],
    bare: [] as AutocannonResult[],
  };
  for (let round = 0; round < 2; round += 1) {
    runs.floor.push(await measured(floor.child, post(floor.url)));
    runs.endpoint.push(await measured(endpoint.child, post(endpoint.url)));
    if (onPostgres.length === 2) {
      const [one, two] = onPostgres;
      runs.postgres.push(await measured(one.child, post(one.url), postmaster));
      runs.postgresPair.push(
        await measured([one.child, two.child], post([one.url, two.url]), postmaster),
      );
    }
    runs.bare.push(await measured(bare.child, post(bare.url)));
  }
  const pageAlone = await get(endpoint.url, PAGE);
  const [underLoad, load] = await Promise.all([get(endpoint.url, PAGE), post(endpoint.url)]);

  const rate = (results: AutocannonResult[]) => results.map((r) => r.requests.average);
  const p99 = (results: AutocannonResult[]) => results.map((r) => r.latency.p99);
  const rows: [string, AutocannonResult[]][] = [
    ['POST /api/consultations, SQLite (group commit)', runs.endpoint],
    ['POST /api/consultations, PostgreSQL, 1 instance', runs.postgres],
    ['POST /api/consultations, PostgreSQL, 2 instances', runs.postgresPair],
    ['floor: Hono + valibot + one INSERT, one commit each', runs.floor],
    ['bare node:http (read body, answer 201)', runs.bare],
  ];
  const cpu = (results: AutocannonResult[]) => {
    const values = results.flatMap((r) => cpuPerRequest.get(r) ?? []);
    const database = results.flatMap((r) => databaseCpuPerRequest.get(r) ?? []);
    return [
      values.length > 0 ? `${spread(values, 3)} ms CPU/req` : '',
      database.length > 0 ? ` + ${spread(database, 3)} ms in PostgreSQL` : '',
    ].join('');
  };
  for (const [name, results] of rows) {
    if (results.length === 0) continue;
    console.log(
      `${name.padEnd(54)} ${spread(rate(results)).padStart(13)} req/s   p99 ${spread(p99(results)).padStart(7)} ms   ${cpu(results)}`,
    );
  }
  if ('skipped' in database) console.log(`PostgreSQL rows SKIPPED: ${database.skipped}`);
  else if (!database.cluster)
    console.log('PostgreSQL rows on DATABASE_URL (its server CPU is not counted here)');
  const ratio = (a: AutocannonResult[], b: AutocannonResult[]) =>
    a.map((r, i) => r.requests.average / b[i].requests.average);
  const ratios: [string, AutocannonResult[], AutocannonResult[], number][] = [
    ['endpoint / floor:', runs.endpoint, runs.floor, 2],
    ['PostgreSQL 1 instance / floor:', runs.postgres, runs.floor, 2],
    ['PostgreSQL 2 instances / floor:', runs.postgresPair, runs.floor, 2],
    ['PostgreSQL 2 instances / 1:', runs.postgresPair, runs.postgres, 2],
    ['endpoint / bare:', runs.endpoint, runs.bare, 3],
  ];
  console.log('');
  for (const [name, a, b, digits] of ratios) {
    if (a.length === 0) continue;
    console.log(
      `ratio ${name.padEnd(32)} ${median(ratio(a, b)).toFixed(digits)} (runs ${spread(ratio(a, b), digits)})`,
    );
  }
  console.log(
    `GET ${PAGE} p99: ${pageAlone.latency.p99} ms alone, ${underLoad.latency.p99} ms while the endpoint takes ${load.requests.average.toFixed(0)} posts/s`,
  );
} finally {
  for (const process of [endpoint, floor, bare, ...onPostgres]) process.child.kill('SIGTERM');
  // The instances close their pools on SIGTERM before the cluster goes.
  await Promise.all(
    onPostgres.map(({ child }) => new Promise((resolve) => child.once('exit', resolve))),
  );
  if ('cluster' in database) await database.cluster?.remove();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
