import { describe, expect, test } from 'vitest';
import { checkSlots, slotLabel } from '../../src/lib/meeting-slots.ts';

// Monday 2 November 2026, 10:00 WIB; an invented holiday on Wednesday 4.
const now = new Date('2026-11-02T03:00:00.000Z');
const holidays = new Set(['2026-11-04']);
const row = (overrides = {}) => ({
  date: '2026-11-03',
  time: '10:00',
  minutes: '30',
  mode: 'video',
  link: 'https://zoom.us/j/123',
  ...overrides,
});

describe('checkSlots', () => {
  test('a working day, in the future, in WIB', () => {
    const { slots, errors } = checkSlots([row()], now, holidays);
    expect(errors).toEqual({});
    expect(slots).toEqual([
      {
        startsAt: '2026-11-03T03:00:00.000Z',
        minutes: 30,
        mode: 'video',
        link: 'https://zoom.us/j/123',
      },
    ]);
  });

  test('each row says what is wrong with it; empty rows are left out', () => {
    const { slots, errors } = checkSlots(
      [
        row({ date: '2026-11-04' }),
        row({ date: '2026-11-07' }),
        row({ date: '2026-11-02', time: '09:00' }),
        row({ link: 'http://zoom.us/j/1' }),
        row({ minutes: '500' }),
        row({ date: '', time: '' }),
        row({ mode: 'datang_langsung', link: '' }),
      ],
      now,
      holidays,
    );
    expect(errors[0]).toMatch(/Rabu, 4 November 2026 bukan hari kerja/);
    expect(errors[1]).toMatch(/Sabtu, 7 November 2026 bukan hari kerja/);
    expect(errors[2]).toMatch(/sudah lewat/);
    expect(errors[3]).toMatch(/https:\/\//);
    expect(errors[4]).toMatch(/lama pertemuan/);
    expect(errors[5]).toBeUndefined();
    expect(slots).toEqual([
      { startsAt: '2026-11-03T03:00:00.000Z', minutes: 30, mode: 'datang_langsung', link: null },
    ]);
  });

  test('a slot reads in Indonesian, in WIB', () => {
    expect(slotLabel({ startsAt: '2026-11-03T03:00:00.000Z', minutes: 45, mode: 'video' })).toBe(
      'Selasa, 3 November 2026 pukul 10.00 WIB, 45 menit, rapat video',
    );
  });
});
