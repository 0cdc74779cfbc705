import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { searchReport } from '../../src/islands/search-report.ts';
import { SEARCH_EVENTS_PER_VISIT } from '../../src/lib/search-events.ts';

const sent: string[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.useFakeTimers();
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, body: URLSearchParams) => sent.push(`${url} ${body}`) > 0,
  });
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('a list read and left for another search is reported once, as left', () => {
  const report = searchReport('/api/search-events');
  report.shown('kantor mana', 0, false);
  vi.advanceTimersByTime(2500);
  report.shown('alamat kantor', 3, false);
  report.ended('dibuka');
  expect(sent).toEqual([
    '/api/search-events query=kantor+mana&results=0&partial=0&outcome=dibiarkan',
    '/api/search-events query=alamat+kantor&results=3&partial=0&outcome=dibuka',
  ]);
  report.ended('konsultasi');
  expect(sent).toHaveLength(2);
});

test('lists shown while typing are not searches anyone read', () => {
  const report = searchReport('/api/search-events');
  for (const prefix of ['bia', 'biay', 'biaya']) {
    report.shown(prefix, 1, false);
    vi.advanceTimersByTime(300);
  }
  report.ended('konsultasi');
  expect(sent).toEqual(['/api/search-events query=biaya&results=1&partial=0&outcome=konsultasi']);
});

test('a visit outside the sample reports nothing', () => {
  vi.spyOn(Math, 'random').mockReturnValue(0.99);
  const report = searchReport('/api/search-events');
  report.shown('biaya', 1, false);
  report.ended('dibuka');
  expect(sent).toEqual([]);
});

test('one visit sends a bounded number of reports', () => {
  const report = searchReport('/api/search-events');
  for (let i = 0; i < SEARCH_EVENTS_PER_VISIT + 5; i++) {
    report.shown(`kata ${i}`, 0, false);
    vi.advanceTimersByTime(3000);
  }
  report.ended('dibiarkan');
  expect(sent).toHaveLength(SEARCH_EVENTS_PER_VISIT);
});
