/**
 * "The walk-in queue changed": the desk's actions and the kiosk's check-ins announce it, the
 * display's and the tickets' streams (GET /api/antrean/stream) listen and send a fresh state.
 * Told in memory to this instance's listeners at once, and through the store to the other
 * instances sharing the database (PostgreSQL LISTEN/NOTIFY), whose listeners hear it too.
 */
import type { QueueChange, Store } from '../storage/store.ts';

export type { QueueChange };
export interface QueueEvents {
  /** Something changed; `call` when a number was called or called again (the display speaks). */
  emit(change: QueueChange): void;
  /** Returns the function that stops listening. */
  listen(listener: (change: QueueChange) => void): () => void;
}

export function createQueueEvents(
  store: Pick<Store, 'announceQueueChange' | 'listenQueueChanges'>,
): QueueEvents {
  const listeners = new Set<(change: QueueChange) => void>();
  const tell = (change: QueueChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A listener that fails (a closed stream) must not stop the others.
      }
    }
  };
  // Opened with the app, on the database the start has just migrated, and ended with the
  // store; the client listens again after a dropped connection. A change told meanwhile is
  // not heard: the displays show it with the next one.
  store.listenQueueChanges(tell).catch(() => {});
  return {
    emit(change) {
      tell(change);
      store.announceQueueChange(change).catch(() => {});
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
