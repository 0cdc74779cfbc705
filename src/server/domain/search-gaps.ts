/**
 * Failed searches for the staff (issue 17): what the search page reports is cleaned of
 * anything personal before it is counted. People type their email address, phone number or
 * ID number into search boxes; none of it may be kept, so it is removed rather than refused.
 */
import { SEARCH_QUERY_MAX } from '../../lib/search-events.ts';
import { jakartaDateTime } from '../../lib/working-days.ts';
import type { SearchEvent } from '../../schemas/search-event.ts';
import type { Clock } from '../clock.ts';
import type { Store } from '../storage/store.ts';

// Anything joined to an "@": an address, or half of one.
const EMAIL = /[^\s@]*@[^\s@]*/gu;
// An Indonesian number (0…, 62…, +62…) with any of the usual separators: 0812-3456-7890,
// (021) 1234567, +62 812 3456 7890. Eight digits at least, so "0 8 hari" is not one.
const PHONE = /(?:\+\s*62|\b62|\b0|\(0)(?:[\s().-]{0,2}\d){7,14}/gu;
// A run of six digits or more: an ID (NIK), an account or a number written without a prefix.
// Years ("2020 2021") and short numbers ("7 hari") stay.
const DIGITS = /\d{6,}/gu;
// Control and invisible format characters, which no query needs.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * The query as it may be kept: lower case, personal data and invisible characters removed,
 * spaces collapsed, at most SEARCH_QUERY_MAX characters (whole characters, never half of one).
 */
export function cleanSearchQuery(query: string): string {
  const cleaned = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, ' ')
    .replace(EMAIL, ' ')
    .replace(PHONE, ' ')
    .replace(DIGITS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return Array.from(cleaned).slice(0, SEARCH_QUERY_MAX).join('').trim();
}

/** Counts one reported search for today (Asia/Jakarta); a query left empty by cleaning is not counted. */
export async function countSearch(
  deps: { store: Store; clock: Clock },
  event: SearchEvent,
): Promise<boolean> {
  const query = cleanSearchQuery(event.query);
  if (query === '') return false;
  await deps.store.recordSearch({
    day: jakartaDateTime(deps.clock.now()).date,
    query,
    results: event.results,
    partial: event.partial,
    outcome: event.outcome,
  });
  return true;
}
