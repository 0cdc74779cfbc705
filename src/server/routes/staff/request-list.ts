/** Which requests staff ask for (filters in the query string), and how a request looks to them. */
import * as v from 'valibot';
import { REQUEST_KINDS } from '../../../lib/forms.ts';
import { addDays, jakartaDateTime, jakartaMidnight } from '../../../lib/working-days.ts';
import { STATUS_LABELS, STATUSES } from '../../domain/lifecycle.ts';
import { isOverdue } from '../../domain/request-export.ts';
import type { RequestFilter, StoredRequest } from '../../storage/store.ts';

const PAGE_MAX = 500;

export const statusField = v.picklist(STATUSES, 'status.invalid');
const isoDate = v.optional(v.pipe(v.string(), v.isoDate('field.invalid')));
const count = (max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.digits('field.invalid'),
      v.transform(Number),
      v.maxValue(max, 'field.invalid'),
    ),
  );

export const listQuerySchema = v.object({
  /** Comma-separated statuses. */
  status: v.optional(
    v.pipe(
      v.string(),
      v.transform((list) => list.split(',').filter(Boolean)),
      v.array(statusField),
    ),
  ),
  kind: v.optional(v.picklist(REQUEST_KINDS, 'field.invalid')),
  /** Due on or before this date (use today's date for "due or overdue"). */
  due_by: isoDate,
  /** Received from / to (inclusive) these dates, Asia/Jakarta. */
  from: isoDate,
  to: isoDate,
  spam: v.optional(v.picklist(['exclude', 'only', 'include'], 'field.invalid'), 'exclude'),
  limit: count(PAGE_MAX),
  offset: count(Number.MAX_SAFE_INTEGER),
  /** CSV only: "semicolon" for Excel with Indonesian regional settings. */
  sep: v.optional(v.picklist(['comma', 'semicolon'], 'field.invalid'), 'comma'),
});

export type ListQuery = v.InferOutput<typeof listQuerySchema>;

export function toFilter(query: ListQuery): RequestFilter {
  return {
    status: query.status,
    kind: query.kind,
    dueOnOrBefore: query.due_by,
    createdFrom: query.from && jakartaMidnight(query.from).toISOString(),
    createdBefore: query.to && jakartaMidnight(addDays(query.to, 1)).toISOString(),
    spam: query.spam,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  };
}

export const todayIn = (now: Date) => jakartaDateTime(now).date;

/** A request as staff see it; `today` decides whether it is overdue. */
export function staffView(request: StoredRequest, today: string) {
  const { id: _id, idempotencyKey: _key, accessKeyHash: _accessKey, ...fields } = request;
  return {
    ...fields,
    statusLabel: STATUS_LABELS.id[request.status],
    overdue: isOverdue(request, today),
  };
}
