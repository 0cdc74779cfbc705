/** The IndexedDB database of the offline form queue (offline-queue.ts). */
export const QUEUE_DB = 'pst-formulir';

/** Whether this device ever queued a form, without loading the queue or creating the database. */
export async function hasQueue(): Promise<boolean> {
  if (!('indexedDB' in globalThis)) return false;
  // indexedDB.databases() is missing in old browsers; then the queue is checked anyway.
  const databases = await indexedDB.databases?.().catch(() => undefined);
  return databases === undefined || databases.some((db) => db.name === QUEUE_DB);
}
