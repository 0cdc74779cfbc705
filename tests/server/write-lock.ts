/** Another process that takes a database's write lock, as a backup or a second instance would. */
import { spawn } from 'node:child_process';

export interface WriteLock {
  /** Settles when the other process has let go (after `ms`, or when stopped). */
  released: Promise<void>;
  holding(): boolean;
  /** Ends the other process now. */
  stop(): void;
}

/** A process of its own that takes the write lock of `path` and keeps it for `ms`. */
export async function holdWriteLock(path: string, ms: number): Promise<WriteLock> {
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, path, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let running = true;
  const released = new Promise<void>((resolve) =>
    child.once('exit', () => ((running = false), resolve())),
  );
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { released, holding: () => running, stop: () => void child.kill() };
}
