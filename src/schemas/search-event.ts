/** POST /api/search-events: one search as the search page reports it (src/lib/search-events.ts). */
import * as v from 'valibot';
import { SEARCH_OUTCOMES } from '../lib/search-events.ts';

// The island sends the normalised words; longer input is not refused but cut by the endpoint
// after personal data is removed. This bound only keeps the work per report small.
const RAW_QUERY_MAX = 1000;
const RESULTS_MAX = 100_000;

// Beacons post application/x-www-form-urlencoded (the one body type sendBeacon may send
// across origins without a preflight), so numbers and flags arrive as strings.
const count = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.digits('field.invalid'), v.transform(Number))]),
  v.integer('field.invalid'),
  v.minValue(0, 'field.invalid'),
  v.maxValue(RESULTS_MAX, 'field.invalid'),
);

export const searchEventSchema = v.object({
  /** The words searched (normalised by the query layer). */
  query: v.pipe(v.string('field.invalid'), v.maxLength(RAW_QUERY_MAX, 'field.invalid')),
  /** How many pages were found. */
  results: count,
  /** No page held every word (the results were for some of them). */
  partial: v.optional(
    v.pipe(
      v.union([v.boolean(), v.picklist(['0', '1'])], 'field.invalid'),
      v.transform((flag) => flag === true || flag === '1'),
    ),
    false,
  ),
  outcome: v.picklist(SEARCH_OUTCOMES, 'field.invalid'),
});

export type SearchEvent = v.InferOutput<typeof searchEventSchema>;
