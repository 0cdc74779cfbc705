import type { QueuedForm } from '../../browser/offline-queue.ts';
import type { QueuedKind } from '../../lib/forms.ts';
import { sendJson } from './send.ts';

export type Submitted<Body> =
  | { kind: 'ok'; body: Body }
  | { kind: 'invalid'; errors: Record<string, string> }
  /** No connection: kept on this device and sent when the connection returns. */
  | { kind: 'queued'; queued: QueuedForm };

/**
 * Sends a form; without an answer from the endpoint (offline, or a 5xx) it goes into the
 * device's queue under the same idempotency key, so a send that did arrive is not stored twice.
 */
export async function submit<Body>(
  url: string,
  payload: Record<string, unknown>,
  idempotencyKey: string,
  kind: QueuedKind,
): Promise<Submitted<Body>> {
  const result = await sendJson<Body>(url, payload, idempotencyKey);
  if (result.kind !== 'unreachable') return result;
  try {
    // Loaded only now: most forms never need the queue.
    const { enqueue } = await import('../../browser/offline-queue.ts');
    return { kind: 'queued', queued: await enqueue({ idempotencyKey, kind, url, body: payload }) };
  } catch {
    // No IndexedDB (blocked storage): the typed answers stay in the form for another try.
    return {
      kind: 'invalid',
      errors: {
        form: 'Formulir belum terkirim karena tidak ada koneksi ke server. Isian Anda tetap ada; coba kirim lagi.',
      },
    };
  }
}
