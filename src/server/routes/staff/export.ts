/** /api/staff/export.csv: the requests of a period for a spreadsheet (UTF-8 with BOM). */
import { Hono } from 'hono';
import { FORMS, REQUEST_KINDS } from '../../../lib/forms.ts';
import { jakartaDateTime } from '../../../lib/working-days.ts';
import { toCsv } from '../../http/csv.ts';
import { validQuery } from '../../http/validated.ts';
import type { Services } from '../../services.ts';
import type { StoredRequest } from '../../storage/store.ts';
import { isOverdue, listQuerySchema, toFilter, todayIn } from './request-list.ts';

type Cell = (request: StoredRequest, today: string) => string | undefined;

/** "2026-11-02 10:15" in Asia/Jakarta. */
function jakartaTimestamp(iso: string): string {
  const { date, minutes } = jakartaDateTime(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');

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
  ['spam', (r) => yesNo(r.spam)],
  ['data_dihapus', (r) => (r.erasedAt ? jakartaTimestamp(r.erasedAt) : '')],
];

export function exportRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const query = validQuery(c, listQuerySchema);
    if (query instanceof Response) return query;
    const { items } = await services.store.listRequests({
      ...toFilter(query),
      limit: undefined,
      offset: undefined,
    });
    const today = todayIn(services.clock.now());
    const header = COLUMNS.map(([name]) => name);
    const rows = items.map((request) => COLUMNS.map(([, read]) => read(request, today)));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="permintaan-${today}.csv"`);
    return c.body(toCsv(header, rows, query.sep === 'semicolon' ? ';' : ','));
  });
}
