/**
 * Forms sent without a connection wait here, in IndexedDB on the citizen's device, and are
 * sent again — with the same Idempotency-Key, so the endpoint stores each once — when the
 * connection returns: on the `online` event and on every page load (OfflineSupport.astro).
 * Our own queue rather than Workbox Background Sync, because the page must list what waits
 * (/status/ shows it as "menunggu koneksi"), learn the final reference, and keep an item
 * after a 5xx; Workbox's queue does none of those and Safari and Firefox lack Background Sync.
 */
import type { QueuedKind } from '../lib/forms.ts';
import { QUEUE_DB } from './offline-queue-db.ts';

export interface QueuedForm {
  idempotencyKey: string;
  /** Shown to the citizen until the endpoint gives the real reference. */
  provisionalReference: string;
  kind: QueuedKind;
  url: string;
  body: Record<string, unknown>;
  queuedAt: string;
  /** Sends tried and answered "not now" (5xx, 429, 408). */
  attempts?: number;
  /** Not sent again before this instant: the server's Retry-After, or a growing backoff. */
  notBefore?: string;
}

/** What became of a queued form once the endpoint answered. */
export interface SentForm {
  idempotencyKey: string;
  provisionalReference: string;
  kind: QueuedKind;
  sentAt: string;
  /** The endpoint's reference and due date (consultations and complaints). */
  reference?: string;
  dueDate?: string;
  /** The endpoint refused it (4xx); the message says why. */
  refused?: string;
}

const WAITING = 'menunggu';
const SENT = 'terkirim';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(QUEUE_DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(WAITING, { keyPath: 'idempotencyKey' });
      request.result.createObjectStore(SENT, { keyPath: 'idempotencyKey' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(
  store: string,
  mode: IDBTransactionMode,
  work: (objects: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(store, mode).objectStore(store));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** "TERTUNDA-3F9A2C": recognisable as not yet a real reference. */
export function provisionalReference(idempotencyKey: string): string {
  return `TERTUNDA-${idempotencyKey.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export function enqueue(
  form: Omit<QueuedForm, 'queuedAt' | 'provisionalReference'>,
): Promise<QueuedForm> {
  const queued = {
    ...form,
    provisionalReference: provisionalReference(form.idempotencyKey),
    queuedAt: new Date().toISOString(),
  };
  return run(WAITING, 'readwrite', (objects) => objects.put(queued)).then(() => queued);
}

export function waiting(): Promise<QueuedForm[]> {
  return run(WAITING, 'readonly', (objects) => objects.getAll() as IDBRequest<QueuedForm[]>);
}

export function sent(): Promise<SentForm[]> {
  return run(SENT, 'readonly', (objects) => objects.getAll() as IDBRequest<SentForm[]>);
}

async function settle(
  form: QueuedForm,
  outcome: Omit<SentForm, 'idempotencyKey' | 'provisionalReference' | 'kind' | 'sentAt'>,
) {
  const done: SentForm = {
    idempotencyKey: form.idempotencyKey,
    provisionalReference: form.provisionalReference,
    kind: form.kind,
    sentAt: new Date().toISOString(),
    ...outcome,
  };
  await run(SENT, 'readwrite', (objects) => objects.put(done));
  await run(WAITING, 'readwrite', (objects) => objects.delete(form.idempotencyKey));
  return done;
}

let flushing: Promise<SentForm[]> | null = null;

const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The server could not take the form now and said so: it failed (5xx), the sender has sent
 * too much (429) or took too long (408). The form stays; it is not a refusal of its content.
 */
const NOT_NOW = (status: number) => status >= 500 || status === 429 || status === 408;

/** Waits until the later of the server's Retry-After and a backoff that doubles per attempt. */
async function postpone(form: QueuedForm, response: Response): Promise<void> {
  const attempts = (form.attempts ?? 0) + 1;
  const retryAfter = Number(response.headers.get('retry-after')) * 1000 || 0;
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  const notBefore = new Date(Date.now() + Math.max(retryAfter, backoff)).toISOString();
  await run(WAITING, 'readwrite', (objects) => objects.put({ ...form, attempts, notBefore }));
}

/**
 * Sends every waiting form that is due; returns those the endpoint answered. A network
 * error, a 5xx, a 429 or a 408 leaves the form waiting for a later try. One flush at a time
 * per page.
 */
export function flush(): Promise<SentForm[]> {
  flushing ??= (async () => {
    const done: SentForm[] = [];
    const now = new Date().toISOString();
    for (const form of await waiting()) {
      if (form.notBefore && form.notBefore > now) continue;
      let response: Response;
      try {
        response = await fetch(form.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Idempotency-Key': form.idempotencyKey,
          },
          body: JSON.stringify(form.body),
        });
      } catch {
        break;
      }
      if (NOT_NOW(response.status)) {
        await postpone(form, response);
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as {
        reference?: string;
        dueDate?: string;
        error?: { message?: string };
      };
      done.push(
        await settle(
          form,
          response.ok
            ? { reference: body.reference, dueDate: body.dueDate }
            : { refused: body.error?.message ?? `HTTP ${response.status}` },
        ),
      );
    }
    return done;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export async function hasWaiting(): Promise<boolean> {
  return (await waiting()).length > 0;
}
