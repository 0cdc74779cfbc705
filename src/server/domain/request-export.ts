/**
 * The requests of a period as a spreadsheet (CSV), for the staff API's export and the
 * workspace's download: the same columns in both.
 */
import { FORMS, REQUEST_KINDS } from '../../lib/forms.ts';
import { jakartaDateTime } from '../../lib/working-days.ts';
import { toCsv, type CsvDelimiter } from '../http/csv.ts';
import type { StoredRequest } from '../storage/store.ts';

type Cell = (request: StoredRequest, today: string) => string | undefined;

/** "2026-11-02 10:15" in Asia/Jakarta. */
function jakartaTimestamp(iso: string): string {
  const { date, minutes } = jakartaDateTime(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');

export function isOverdue(request: StoredRequest, today: string): boolean {
  return request.status !== 'selesai' && request.dueDate < today;
}

/** Columns every request has, then each kind's own (src/lib/forms.ts), then the bookkeeping. */
const COLUMNS: readonly (readonly [string, Cell])[] = [
  ['nomor_permintaan', (r) => r.reference],
  ['jenis', (r) => r.kind],
  ['status', (r) => r.status],
  ['diterima_wib', (r) => jakartaTimestamp(r.createdAt)],
  ['batas_waktu', (r) => r.dueDate],
  ['terlambat', (r, today) => yesNo(isOverdue(r, today))],
  ['nama', (r) => r.name],
  ['email', (r) => r.email],
  ['telepon', (r) => r.phone],
  ...REQUEST_KINDS.flatMap((kind) =>
    Object.entries(FORMS[kind].exportColumns).map(([header, field]): readonly [string, Cell] => [
      header,
      (r) => r[field as keyof StoredRequest] as string | undefined,
    ]),
  ),
  ['nomor_permintaan_terkait', (r) => r.relatedReference],
  ['dibalas_oleh', (r) => (r.repliedBy ?? []).join(', ')],
  ['spam', (r) => yesNo(r.spam)],
  ['data_dihapus', (r) => (r.erasedAt ? jakartaTimestamp(r.erasedAt) : '')],
];

export function requestsCsv(
  items: readonly StoredRequest[],
  today: string,
  delimiter: CsvDelimiter,
): string {
  const header = COLUMNS.map(([name]) => name);
  const rows = items.map((request) => COLUMNS.map(([, read]) => read(request, today)));
  return toCsv(header, rows, delimiter);
}
