import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  addWorkingDays,
  cutoffMinutes,
  dueDate,
  formatDate,
  formatJakartaDateTime,
  isWorkingDay,
  jakartaDateTime,
  jakartaMidnight,
  receivedOn,
} from '../../src/lib/working-days.ts';

// The real data file: the Idulfitri 2026 chain and the year end come from it.
const holidays = new Set(
  (parse(readFileSync('content/holidays.yaml', 'utf8')) as { date: string }[]).map((h) => h.date),
);

/** An instant given as a wall-clock time in Jakarta (WIB, UTC+7). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('jakartaDateTime', () => {
  test('turns a UTC instant into the WIB date and minutes', () => {
    expect(jakartaDateTime(new Date('2026-11-02T16:59:00Z'))).toEqual({
      date: '2026-11-02',
      minutes: 23 * 60 + 59,
    });
    expect(jakartaDateTime(new Date('2026-11-02T17:00:00Z'))).toEqual({
      date: '2026-11-03',
      minutes: 0,
    });
  });

  test('jakartaMidnight is the UTC instant a WIB date begins', () => {
    expect(jakartaMidnight('2026-11-02').toISOString()).toBe('2026-11-01T17:00:00.000Z');
  });
});

describe('isWorkingDay', () => {
  test('Monday to Friday are working days', () => {
    expect(isWorkingDay('2026-11-02', holidays)).toBe(true);
    expect(isWorkingDay('2026-11-06', holidays)).toBe(true);
  });

  test('weekends are not', () => {
    expect(isWorkingDay('2026-11-07', holidays)).toBe(false);
    expect(isWorkingDay('2026-11-08', holidays)).toBe(false);
  });

  test('national holidays and cuti bersama are not', () => {
    expect(isWorkingDay('2026-08-17', holidays)).toBe(false);
    expect(isWorkingDay('2026-03-20', holidays)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  test('never counts the start day', () => {
    expect(addWorkingDays('2026-11-02', 0, holidays)).toBe('2026-11-02');
    expect(addWorkingDays('2026-11-02', 1, holidays)).toBe('2026-11-03');
  });
});

// The standard's 3 working days; the office sets no cut-off, another office might set 16:00.
const rule = { workingDays: 3, closingMinutes: null };
const withCutoff = { workingDays: 3, closingMinutes: cutoffMinutes('16:00') };

describe('dueDate: 3 working days after the request counts as received', () => {
  test('Monday morning is due on Thursday', () => {
    expect(dueDate(wib('2026-11-02T10:00:00'), holidays, rule)).toBe('2026-11-05');
  });

  test('Friday morning is due on Wednesday, the FAQ "hari kerja" example', () => {
    expect(dueDate(wib('2026-11-06T10:00:00'), holidays, rule)).toBe('2026-11-11');
  });

  test('without a cut-off, any time of a working day counts that day', () => {
    expect(receivedOn(wib('2026-11-06T23:59:00'), holidays, rule)).toBe('2026-11-06');
    expect(dueDate(wib('2026-11-06T23:59:00'), holidays, rule)).toBe('2026-11-11');
  });

  test('with a 16:00 cut-off, 15:59 still counts that day and 16:00 the next working day', () => {
    expect(dueDate(wib('2026-11-06T15:59:00'), holidays, withCutoff)).toBe('2026-11-11');
    expect(receivedOn(wib('2026-11-06T16:00:00'), holidays, withCutoff)).toBe('2026-11-09');
    expect(dueDate(wib('2026-11-06T16:00:00'), holidays, withCutoff)).toBe('2026-11-12');
  });

  test('a weekend submission counts from Monday', () => {
    expect(dueDate(wib('2026-11-07T09:00:00'), holidays, rule)).toBe('2026-11-12');
    expect(dueDate(wib('2026-11-08T23:30:00'), holidays, rule)).toBe('2026-11-12');
  });

  test('the date is taken in Jakarta, not UTC: Friday 23:30 UTC is Saturday in Jakarta', () => {
    expect(receivedOn(new Date('2026-11-06T17:30:00Z'), holidays, rule)).toBe('2026-11-09');
  });

  test('the Idulfitri 2026 chain (18–24 March) is skipped as a whole', () => {
    // Tuesday 17 March counts; 18–24 are Nyepi, Idulfitri and cuti bersama, 21–22 a weekend.
    expect(dueDate(wib('2026-03-17T10:00:00'), holidays, rule)).toBe('2026-03-27');
  });

  test('after the cut-off just before Idulfitri counts from the first day back', () => {
    expect(receivedOn(wib('2026-03-17T17:00:00'), holidays, withCutoff)).toBe('2026-03-25');
    expect(dueDate(wib('2026-03-17T17:00:00'), holidays, withCutoff)).toBe('2026-03-30');
  });

  test('a submission during the holidays counts from the first day back', () => {
    expect(dueDate(wib('2026-03-20T11:00:00'), holidays, rule)).toBe('2026-03-30');
  });

  test('Christmas and the weekend after it are skipped', () => {
    expect(dueDate(wib('2026-12-23T10:00:00'), holidays, rule)).toBe('2026-12-30');
  });

  test('the count runs over the year end and New Year’s Day', () => {
    expect(dueDate(wib('2026-12-30T10:00:00'), holidays, rule)).toBe('2027-01-05');
  });

  test('New Year’s Eve after the cut-off counts from the first working day of January', () => {
    expect(receivedOn(wib('2026-12-31T17:00:00'), holidays, withCutoff)).toBe('2027-01-04');
    expect(dueDate(wib('2026-12-31T17:00:00'), holidays, withCutoff)).toBe('2027-01-07');
  });

  test('with no holidays known only weekends are skipped', () => {
    expect(dueDate(wib('2026-03-17T10:00:00'), new Set(), rule)).toBe('2026-03-20');
  });
});

describe('formatting for people', () => {
  test('a date in Indonesian and English', () => {
    expect(formatDate('2026-11-05')).toBe('Kamis, 5 November 2026');
    expect(formatDate('2026-11-05', 'en')).toBe('Thursday, 5 November 2026');
  });

  test('an instant in WIB', () => {
    expect(formatJakartaDateTime(new Date('2026-11-02T03:05:00Z'))).toBe(
      'Senin, 2 November 2026 pukul 10.05 WIB',
    );
  });
});
