/**
 * `npm run bench`: how fast is a real submission compared with the fastest possible Node
 * HTTP answer on this machine? Runs autocannon against
 *   1. POST /api/consultations on `node src/server/main.ts` (full validation, durable insert
 *      with synchronous=FULL, two queued mails; each request a new idempotency key; rate
 *      limit off), and
 *   2. a bare node:http handler that reads the body and answers 201,
 * one after the other in the same run, and prints req/s, p99 latency and the ratio.
 * Not a test: figures depend on the machine (DESIGN.md "Machine facts").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
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
const CONNECTIONS = 20;
const BODY = readFileSync('tests/fixtures/consultation/valid.json', 'utf8');

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

async function run(url: string, path: string, distinctKeys: boolean): Promise<AutocannonResult> {
  const request: AutocannonRequest = {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: BODY,
  };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      distinctKeys
        ? {
            ...request,
            setupRequest: (r) => ({
              ...r,
              headers: { ...r.headers, 'idempotency-key': randomUUID() },
            }),
          }
        : request,
    ],
  });
  if (result.non2xx + result.errors + result.timeouts > 0) {
    throw new Error(
      `${path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
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
const bare = await start(['-e', BARE_SERVER]);
try {
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s each, ${BODY.length}-byte JSON body\n`,
  );
  const submission = await run(endpoint.url, '/api/consultations', true);
  const baseline = await run(bare.url, '/', false);
  const rows = [
    ['POST /api/consultations (validate + insert, FULL sync)', submission],
    ['bare node:http (read body, answer 201)', baseline],
  ] as const;
  for (const [name, result] of rows) {
    console.log(
      `${name.padEnd(56)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms`,
    );
  }
  console.log(
    `\nratio endpoint / bare: ${(submission.requests.average / baseline.requests.average).toFixed(3)}`,
  );
} finally {
  endpoint.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
