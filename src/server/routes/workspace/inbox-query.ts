/**
 * The inbox's filter, kept in the URL (/petugas/?status=…&jenis=…) so a view can be
 * bookmarked, shared with a colleague and reloaded. A value that is not one of the choices
 * falls back to its default instead of failing: the URL is typed by people too.
 */
import { REQUEST_KINDS, type RequestKind } from '../../../lib/forms.ts';
import { CHANNELS, type Channel } from '../../../schemas/consultation.ts';
import { STATUSES } from '../../domain/lifecycle.ts';
import type { RequestFilter, RequestStatus } from '../../storage/store.ts';

export const PAGE_SIZE = 25;
const SEARCH_MAX = 100;

export type StatusChoice = 'terbuka' | RequestStatus | 'semua';
const STATUS_CHOICES: readonly StatusChoice[] = ['terbuka', ...STATUSES, 'semua'];

export interface InboxQuery {
  status: StatusChoice;
  jenis: RequestKind | '';
  tindak_lanjut: Channel | '';
  milik_saya: boolean;
  terlambat: boolean;
  spam: boolean;
  cari: string;
  halaman: number;
}

export const DEFAULT_QUERY: InboxQuery = {
  status: 'terbuka',
  jenis: '',
  tindak_lanjut: '',
  milik_saya: false,
  terlambat: false,
  spam: false,
  cari: '',
  halaman: 1,
};

const oneOf = <T extends string>(
  choices: readonly T[],
  value: string | undefined,
  fallback: T | '',
): T | '' => (choices.includes(value as T) ? (value as T) : fallback);

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const page = Number(params.get('halaman'));
  return {
    status: (oneOf(STATUS_CHOICES, params.get('status') ?? undefined, 'terbuka') ||
      'terbuka') as StatusChoice,
    jenis: oneOf(REQUEST_KINDS, params.get('jenis') ?? undefined, ''),
    tindak_lanjut: oneOf(CHANNELS, params.get('tindak_lanjut') ?? undefined, ''),
    milik_saya: params.get('milik_saya') === '1',
    terlambat: params.get('terlambat') === '1',
    spam: params.get('spam') === '1',
    cari: (params.get('cari') ?? '').trim().slice(0, SEARCH_MAX),
    halaman: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string of a view, defaults left out so URLs stay short; `halaman` overridable. */
export function inboxSearch(query: InboxQuery, halaman = query.halaman): string {
  const params = new URLSearchParams();
  if (query.status !== DEFAULT_QUERY.status) params.set('status', query.status);
  if (query.jenis) params.set('jenis', query.jenis);
  if (query.tindak_lanjut) params.set('tindak_lanjut', query.tindak_lanjut);
  if (query.milik_saya) params.set('milik_saya', '1');
  if (query.terlambat) params.set('terlambat', '1');
  if (query.spam) params.set('spam', '1');
  if (query.cari) params.set('cari', query.cari);
  if (halaman > 1) params.set('halaman', String(halaman));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function toRequestFilter(
  query: InboxQuery,
  officerId: number,
  today: string,
): RequestFilter {
  return {
    status:
      query.status === 'semua'
        ? undefined
        : query.status === 'terbuka'
          ? STATUSES.filter((status) => status !== 'selesai')
          : [query.status],
    kind: query.jenis || undefined,
    channel: query.tindak_lanjut || undefined,
    assignedTo: query.milik_saya ? officerId : undefined,
    overdueOn: query.terlambat ? today : undefined,
    search: query.cari || undefined,
    spam: query.spam ? 'only' : 'exclude',
    limit: PAGE_SIZE,
    offset: (query.halaman - 1) * PAGE_SIZE,
  };
}
