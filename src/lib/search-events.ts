/**
 * What the search page reports about a search (POST /api/search-events), so staff see which
 * searches fail and can write the missing answers. Shared by the island, which sends it with
 * navigator.sendBeacon, and by the endpoint. No personal data: the normalised words, the
 * number of results and what the citizen did next; the endpoint strips anything that looks
 * like an email address or a phone number and keeps daily counts only.
 */

export const SEARCH_EVENTS_ACTION = '/api/search-events';

/**
 * What followed a search: `dibiarkan` nothing (another search, or the citizen left),
 * `dibuka` a result was opened, `konsultasi` the citizen went on to ask a question.
 */
export const SEARCH_OUTCOMES = ['dibiarkan', 'dibuka', 'konsultasi'] as const;

export type SearchOutcome = (typeof SEARCH_OUTCOMES)[number];

/**
 * One page visit in two reports its searches: the staff lists compare queries with each
 * other, which half the visits rank the same way, for half the posts and half the rows.
 */
export const SEARCH_EVENT_SAMPLE_RATE = 0.5;

/** At most this many reports per page visit, whatever the visitor types. */
export const SEARCH_EVENTS_PER_VISIT = 10;

/** The longest query the endpoint keeps, after removing personal data. */
export const SEARCH_QUERY_MAX = 100;
