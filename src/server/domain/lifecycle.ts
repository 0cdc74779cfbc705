/**
 * The life of a consultation or complaint: baru → diproses → menunggu_pengguna → selesai.
 * Staff may skip steps, and reopen a closed request; nothing ever goes back to "baru".
 */
import type { Language } from '../../schemas/messages.ts';
import type { RequestStatus } from '../storage/store.ts';

export const STATUSES = [
  'baru',
  'diproses',
  'menunggu_pengguna',
  'selesai',
] as const satisfies readonly RequestStatus[];

export const STATUS_LABELS: Record<Language, Record<RequestStatus, string>> = {
  id: {
    baru: 'Diterima',
    diproses: 'Sedang diproses',
    menunggu_pengguna: 'Menunggu tanggapan Anda',
    selesai: 'Selesai',
  },
  en: {
    baru: 'Received',
    diproses: 'In progress',
    menunggu_pengguna: 'Waiting for your response',
    selesai: 'Closed',
  },
};

/** The same statuses as officers name them among themselves (the citizen's labels address the citizen). */
export const STAFF_STATUS_LABELS: Record<RequestStatus, string> = {
  baru: 'Baru',
  diproses: 'Diproses',
  menunggu_pengguna: 'Menunggu pengguna',
  selesai: 'Selesai',
};

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  baru: ['diproses', 'menunggu_pengguna', 'selesai'],
  diproses: ['menunggu_pengguna', 'selesai'],
  menunggu_pengguna: ['diproses', 'selesai'],
  selesai: ['diproses'],
};

/**
 * Whether staff may move a request from one status to another. A reply may also keep the
 * status (e.g. a second reply while waiting on the citizen, which restarts the 7 days), and
 * a reply to a closed request reopens it to wait on the citizen again.
 */
export function canChangeStatus(
  from: RequestStatus,
  to: RequestStatus,
  withReply: boolean,
): boolean {
  if (NEXT[from].includes(to)) return true;
  return withReply && (from === to || (from === 'selesai' && to === 'menunggu_pengguna'));
}
