/** Starts `node src/server/main.ts` as a real process, the way `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { STAFF_TOKEN } from './harness.ts';

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to flush or close anything. */
  kill(): Promise<void>;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
}

export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  // process.execPath is the Node running the tests (24, which has node:sqlite).
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      ...process.env,
      SKIP_BUILD: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '0',
      STAFF_TOKEN,
      SMTP_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Situs berjalan di (http:\/\/[\d.]+:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    child,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    output: () => output,
  };
}
