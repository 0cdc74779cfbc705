import { describe, expect, test } from 'vitest';
import {
  measureWaits,
  shareWithinStandard,
  waitMinutes,
  type VisitTimes,
} from '../../src/lib/walk-in-wait.ts';

// Monday 2 November 2026 in WIB (UTC+7): 08:00 WIB is 01:00Z.
const at = (hhmm: string) => `2026-11-02T${hhmm}:00.000Z`;
const visit = (
  id: number,
  desk: string | null,
  arrived: string,
  started: string | null,
  finished: string | null,
): VisitTimes => ({
  id,
  desk,
  arrivedAt: at(arrived),
  startedAt: started ? at(started) : null,
  finishedAt: finished ? at(finished) : null,
});

describe('waitMinutes', () => {
  test('the first visitor of the day counts from arrival', () => {
    expect(waitMinutes(at('01:00'), at('01:04'), null)).toBe(4);
  });

  test('a visitor who arrives while the desk is busy counts from the previous finish', () => {
    expect(waitMinutes(at('01:00'), at('01:25'), at('01:20'))).toBe(5);
  });

  test('a visitor who arrives after the desk became free counts from arrival', () => {
    expect(waitMinutes(at('01:30'), at('01:33'), at('01:20'))).toBe(3);
  });

  test('never negative', () => {
    expect(waitMinutes(at('01:30'), at('01:29'), null)).toBe(0);
  });
});

describe('measureWaits', () => {
  test('first of the day, then a visitor queued behind a service that runs over', () => {
    const waits = measureWaits(
      [
        visit(1, 'meja-1', '01:00', '01:02', '01:40'), // a 38-minute consultation
        visit(2, 'meja-1', '01:05', '01:45', '01:55'), // waited 40 min, but 5 since the desk was free
      ],
      10,
    );
    expect(waits[0]).toMatchObject({
      waitMinutes: 2,
      withinStandard: true,
      clockFrom: at('01:00'),
    });
    expect(waits[1]).toMatchObject({
      waitMinutes: 5,
      withinStandard: true,
      clockFrom: at('01:40'),
    });
  });

  test('two desks: each visitor is measured against the desk that served them', () => {
    const waits = measureWaits(
      [
        visit(1, 'meja-1', '01:00', '01:01', '01:30'),
        visit(2, 'meja-2', '01:00', '01:02', '01:10'),
        // Served at desk 2 (free since 01:10), not desk 1 (free since 01:30): 12 min, over.
        visit(3, 'meja-2', '01:05', '01:22', '01:35'),
        // Served at desk 1 right after it was free.
        visit(4, 'meja-1', '01:06', '01:31', null),
      ],
      10,
    );
    expect(waits.map((w) => w.waitMinutes)).toEqual([1, 2, 12, 1]);
    expect(waits.map((w) => w.withinStandard)).toEqual([true, true, false, true]);
    expect(shareWithinStandard(waits)).toBe(0.75);
  });

  test('a no-show has no wait and does not free the desk', () => {
    const waits = measureWaits(
      [
        visit(1, 'meja-1', '01:00', '01:01', '01:20'),
        visit(2, 'meja-1', '01:02', null, null), // called, never came
        visit(3, 'meja-1', '01:03', '01:32', '01:40'),
      ],
      10,
    );
    expect(waits[1]).toEqual({ id: 2, clockFrom: null, waitMinutes: null, withinStandard: null });
    // From the finish of visit 1 (01:20): 12 minutes, over the standard.
    expect(waits[2]).toMatchObject({ waitMinutes: 12, withinStandard: false });
    expect(shareWithinStandard(waits)).toBe(0.5);
  });

  test('exactly the limit is within the standard', () => {
    const [wait] = measureWaits([visit(1, 'meja-1', '01:00', '01:10', null)], 10);
    expect(wait.withinStandard).toBe(true);
  });

  test('nobody served: no share', () => {
    expect(shareWithinStandard(measureWaits([visit(1, null, '01:00', null, null)], 10))).toBe(null);
  });
});
