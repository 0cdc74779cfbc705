import {
  SEARCH_EVENT_SAMPLE_RATE,
  SEARCH_EVENTS_PER_VISIT,
  type SearchOutcome,
} from '../lib/search-events.ts';

// A list shown for less time than this was a step of typing, not a search anyone read.
const READ_MS = 2000;

interface Shown {
  query: string;
  results: number;
  partial: boolean;
  at: number;
  reported: boolean;
}

export interface SearchReport {
  /** A search finished and its list is on the screen. */
  shown: (query: string, results: number, partial: boolean) => void;
  /** The citizen opened a result, or went on to ask, or left the page. */
  ended: (outcome: SearchOutcome) => void;
}

/**
 * Reports the searches of this visit to POST /api/search-events (src/lib/search-events.ts):
 * each search whose list was read, once, with what followed. sendBeacon survives the
 * navigation that a click on a result starts, and never delays it.
 */
export function searchReport(url: string): SearchReport {
  const sampled = Math.random() < SEARCH_EVENT_SAMPLE_RATE;
  let sent = 0;
  let current: Shown | null = null;

  function report(shown: Shown, outcome: SearchOutcome) {
    if (!sampled || shown.reported || sent >= SEARCH_EVENTS_PER_VISIT) return;
    shown.reported = true;
    sent += 1;
    const body = new URLSearchParams({
      query: shown.query,
      results: String(shown.results),
      partial: shown.partial ? '1' : '0',
      outcome,
    });
    // Browsers without sendBeacon report nothing rather than delay a click on a result.
    navigator.sendBeacon?.(url, body);
  }

  return {
    shown(query, results, partial) {
      if (current && current.query !== query && Date.now() - current.at >= READ_MS)
        report(current, 'dibiarkan');
      if (current?.query === query) return;
      current = query === '' ? null : { query, results, partial, at: Date.now(), reported: false };
    },
    ended(outcome) {
      if (current) report(current, outcome);
    },
  };
}
