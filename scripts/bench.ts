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
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  url: string;
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

/** CPU time (user + system, all threads) a process has used so far, in ms; null off Linux. */
function cpuMs(child: ChildProcess): number | null {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return null;
  }
}

const cpuPerRequest = new Map<AutocannonResult, number>();

/** Runs `load` and keeps the CPU ms per request the server spent on it. */
async function measured(
  server: ChildProcess,
  load: Promise<AutocannonResult>,
): Promise<AutocannonResult> {
  const before = cpuMs(server);
  const result = await load;
  const after = cpuMs(server);
  if (before !== null && after !== null && result.requests.total > 0)
    cpuPerRequest.set(result, (after - before) / result.requests.total);
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

async function post(url: string, connections = CONNECTIONS): Promise<AutocannonResult> {
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

const dataDir = mkdtempSync(join(tmpdir(), 'pst-bench-'));
const endpoint = await start(['src/server/main.ts'], {
  SKIP_BUILD: '1',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '0',
  SMTP_URL: '',
});
const floor = await start(['scripts/bench-floor.ts']);
const bare = await start(['-e', BARE_SERVER]);
try {
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run, two runs each, alternating\n`,
  );
  const runs = {
    endpoint: [] as AutocannonResult[],
    floor: [] as AutocannonResult[],
    bare: [] as AutocannonResult[],
  };
  for (let round = 0; round < 2; round += 1) {
    runs.floor.push(await measured(floor.child, post(floor.url)));
    runs.endpoint.push(await measured(endpoint.child, post(endpoint.url)));
    runs.bare.push(await measured(bare.child, post(bare.url)));
  }
  const pageAlone = await get(endpoint.url, PAGE);
  const [underLoad, load] = await Promise.all([get(endpoint.url, PAGE), post(endpoint.url)]);

  const rate = (results: AutocannonResult[]) => results.map((r) => r.requests.average);
  const p99 = (results: AutocannonResult[]) => results.map((r) => r.latency.p99);
  const rows: [string, AutocannonResult[]][] = [
    ['POST /api/consultations (full path, group commit)', runs.endpoint],
    ['floor: Hono + valibot + one INSERT, one commit each', runs.floor],
    ['bare node:http (read body, answer 201)', runs.bare],
  ];
  const cpu = (results: AutocannonResult[]) => {
    const values = results.flatMap((r) => cpuPerRequest.get(r) ?? []);
    return values.length > 0 ? `${spread(values, 3)} ms CPU/req` : '';
  };
  for (const [name, results] of rows) {
    console.log(
      `${name.padEnd(54)} ${spread(rate(results)).padStart(13)} req/s   p99 ${spread(p99(results)).padStart(7)} ms   ${cpu(results)}`,
    );
  }
  const ratio = (a: AutocannonResult[], b: AutocannonResult[]) =>
    a.map((r, i) => r.requests.average / b[i].requests.average);
  console.log(
    `\nratio endpoint / floor: ${median(ratio(runs.endpoint, runs.floor)).toFixed(2)} (runs ${spread(ratio(runs.endpoint, runs.floor), 2)})`,
  );
  console.log(
    `ratio endpoint / bare:  ${median(ratio(runs.endpoint, runs.bare)).toFixed(3)} (runs ${spread(ratio(runs.endpoint, runs.bare), 3)})`,
  );
  console.log(
    `GET ${PAGE} p99: ${pageAlone.latency.p99} ms alone, ${underLoad.latency.p99} ms while the endpoint takes ${load.requests.average.toFixed(0)} posts/s`,
  );
} finally {
  for (const process of [endpoint, floor, bare]) process.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
