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

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  baru: ['diproses', 'menunggu_pengguna', 'selesai'],
  diproses: ['menunggu_pengguna', 'selesai'],
  menunggu_pengguna: ['diproses', 'selesai'],
  selesai: ['diproses'],
};

/**
 * Whether staff may move a request from one status to another. A reply may also keep the
 * status (e.g. a second reply while waiting on the citizen, which restarts the 7 days).
 */
export function canChangeStatus(
  from: RequestStatus,
  to: RequestStatus,
  withReply: boolean,
): boolean {
  return NEXT[from].includes(to) || (withReply && from === to);
}
