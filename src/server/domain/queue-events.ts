/**
 * "The walk-in queue changed": the desk's actions and the kiosk's check-ins announce it, the
 * display's and the tickets' streams (GET /api/antrean/stream) listen and send a fresh state.
 * In memory, so one server process: a second instance behind a load balancer would need the
 * database polled instead (not needed for one office's Front Office).
 */
export interface QueueEvents {
  /** Something changed; `call` when a number was called or called again (the display speaks). */
  emit(change: QueueChange): void;
  /** Returns the function that stops listening. */
  listen(listener: (change: QueueChange) => void): () => void;
}

export interface QueueChange {
  kind: 'ambil' | 'panggil' | 'panggil-ulang' | 'mulai' | 'selesai' | 'lewati';
  /** The Jakarta day of the queue that changed. */
  day: string;
}

export function createQueueEvents(): QueueEvents {
  const listeners = new Set<(change: QueueChange) => void>();
  return {
    emit(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch {
          // A listener that fails (a closed stream) must not stop the others.
        }
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
