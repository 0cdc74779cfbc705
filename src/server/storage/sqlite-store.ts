/**
 * The Store on SQLite, for the main thread: every call is a message to the store's worker
 * thread (sqlite-worker.ts), which owns the one connection and commits writes in groups. The
 * main thread never waits on the database file, so pages are served while it is locked or
 * slow. The worker is started on first use and again after it ends unexpectedly.
 */
import { Worker } from 'node:worker_threads';
import type { Reply, SerializedError, WorkerOptions } from './sqlite-worker.ts';
import { prepareDatabase } from './sqlite-database.ts';
import { StoreUnavailableError, type Store } from './store.ts';

export interface SqliteOptions {
  /** How long a write waits for another process's lock before the post answers 503. */
  busyTimeoutMs?: number;
  /** Fault injection for tests only: the database cannot grow past this many pages (SQLITE_FULL). */
  maxPageCount?: number;
}

// Short enough that a citizen's post answers "coba lagi" within seconds while another
// process (a backup, a second instance) holds the write lock; long enough to ride out one.
const BUSY_TIMEOUT_MS = 2_000;

// The database is there but cannot be used just now; everything else is a bug (500).
const UNAVAILABLE = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
]);

function revive(error: SerializedError): Error {
  if (error.code && UNAVAILABLE.has(error.code))
    return new StoreUnavailableError(error.code, error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The store of one office (its code) over the database file at `path`. The file is created and
 * migrated here, before anything is served (a failure throws, naming the problem); then the
 * worker takes it over.
 */
export function openSqliteStore(path: string, office: string, options: SqliteOptions = {}): Store {
  prepareDatabase(path, office);
  const workerOptions: WorkerOptions = {
    path,
    office,
    busyTimeoutMs: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    maxPageCount: options.maxPageCount,
  };
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Promise<Worker> | null = null;
  let closing: Promise<void> | null = null;

  function failAll(error: Error): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      const thread = new Worker(new URL('./sqlite-worker.ts', import.meta.url), {
        workerData: workerOptions,
      });
      let ready = false;
      thread.on('message', (reply: Reply) => {
        if ('type' in reply) {
          if (reply.type === 'ready') {
            ready = true;
            resolve(thread);
          } else if (reply.type === 'failed') {
            reject(revive(reply.error));
          }
          return;
        }
        const call = pending.get(reply.id);
        if (!call) return;
        pending.delete(reply.id);
        if ('error' in reply) call.reject(revive(reply.error));
        else call.resolve(reply.value);
      });
      thread.on('error', (error) => {
        if (!ready) reject(error);
        failAll(new StoreUnavailableError('WORKER_ERROR', error.message));
      });
      thread.on('exit', (code) => {
        // Started again on the next call; what was under way is answered as unavailable.
        worker = null;
        if (!ready)
          reject(new StoreUnavailableError('WORKER_EXIT', `store worker exited with ${code}`));
        failAll(new StoreUnavailableError('WORKER_EXIT', `store worker exited with ${code}`));
      });
    });
  }

  async function call<T>(method: string, args: unknown[]): Promise<T> {
    if (closing) throw new StoreUnavailableError('CLOSED', 'the store is closed');
    worker ??= start();
    const thread = await worker.catch((error: unknown) => {
      worker = null;
      throw error;
    });
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      thread.postMessage({ id, method, args });
    });
  }

  // Started at once, so the first submission does not wait for the thread to start.
  worker = start();
  worker.catch(() => {
    worker = null;
  });

  function close(): Promise<void> {
    closing ??= (async () => {
      const thread = await worker?.catch(() => null);
      if (!thread) return;
      await new Promise<void>((resolve) => {
        thread.once('exit', () => resolve());
        thread.postMessage({ type: 'close' });
      });
    })();
    return closing;
  }

  const forward =
    <
      K extends Exclude<
        keyof Store,
        'close' | 'runAlone' | 'announceQueueChange' | 'listenQueueChanges'
      >,
    >(
      method: K,
    ) =>
    (...args: Parameters<Store[K]>) =>
      call<Awaited<ReturnType<Store[K]>>>(method, args);

  return {
    ping: forward('ping'),
    runAlone: (_name, task) => task(),
    announceQueueChange: async () => {},
    listenQueueChanges: async () => async () => {},
    insertRequest: forward('insertRequest'),
    insertRating: forward('insertRating'),
    insertFeedback: forward('insertFeedback'),
    feedbackSummary: forward('feedbackSummary'),
    findRequest: forward('findRequest'),
    history: forward('history'),
    listRequests: forward('listRequests'),
    changeRequest: forward('changeRequest'),
    countByStatus: forward('countByStatus'),
    createStaff: forward('createStaff'),
    findStaff: forward('findStaff'),
    listStaff: forward('listStaff'),
    setStaffPassword: forward('setStaffPassword'),
    setStaffActive: forward('setStaffActive'),
    recordLoginAttempt: forward('recordLoginAttempt'),
    loginFailuresSince: forward('loginFailuresSince'),
    createSession: forward('createSession'),
    findSession: forward('findSession'),
    touchSession: forward('touchSession'),
    endSession: forward('endSession'),
    audit: forward('audit'),
    listAudit: forward('listAudit'),
    ratedReferences: forward('ratedReferences'),
    awaitingCitizen: forward('awaitingCitizen'),
    markCloseReminder: forward('markCloseReminder'),
    addCitizenMessage: forward('addCitizenMessage'),
    requestsOf: forward('requestsOf'),
    addressConfirmedAt: forward('addressConfirmedAt'),
    createCitizenToken: forward('createCitizenToken'),
    useCitizenToken: forward('useCitizenToken'),
    confirmAddress: forward('confirmAddress'),
    unconfirmedBefore: forward('unconfirmedBefore'),
    dropUnconfirmed: forward('dropUnconfirmed'),
    createCitizenSession: forward('createCitizenSession'),
    findCitizenSession: forward('findCitizenSession'),
    touchCitizenSession: forward('touchCitizenSession'),
    endCitizenSession: forward('endCitizenSession'),
    eraseCitizen: forward('eraseCitizen'),
    proposeMeeting: forward('proposeMeeting'),
    meetingsOf: forward('meetingsOf'),
    meetingsStarting: forward('meetingsStarting'),
    updateMeeting: forward('updateMeeting'),
    markMeetingReminded: forward('markMeetingReminded'),
    erasePersonalData: forward('erasePersonalData'),
    purgeBefore: forward('purgeBefore'),
    claimDueMail: forward('claimDueMail'),
    markMailSent: forward('markMailSent'),
    markMailFailed: forward('markMailFailed'),
    listOutbox: forward('listOutbox'),
    countMailSince: forward('countMailSince'),
    ratingMeans: forward('ratingMeans'),
    periodFacts: forward('periodFacts'),
    recordSearch: forward('recordSearch'),
    searchGaps: forward('searchGaps'),
    purgeSearchesBefore: forward('purgeSearchesBefore'),
    insertVisit: forward('insertVisit'),
    listVisits: forward('listVisits'),
    findVisit: forward('findVisit'),
    callNextVisit: forward('callNextVisit'),
    actOnVisit: forward('actOnVisit'),
    createKioskLink: forward('createKioskLink'),
    pairKiosk: forward('pairKiosk'),
    findKioskDevice: forward('findKioskDevice'),
    listKioskDevices: forward('listKioskDevices'),
    revokeKioskDevice: forward('revokeKioskDevice'),
    close,
  };
}
