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

/**
 * Sends every waiting form once; returns those the endpoint answered. A network error or a
 * 5xx leaves the form waiting for the next try. One flush at a time per page.
 */
export function flush(): Promise<SentForm[]> {
  flushing ??= (async () => {
    const done: SentForm[] = [];
    for (const form of await waiting()) {
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
      if (response.status >= 500) continue;
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
