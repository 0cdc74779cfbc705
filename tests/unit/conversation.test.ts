import { describe, expect, test } from 'vitest';
import { closesAt, nextStep, silencePlan, type Silence } from '../../src/lib/conversation.ts';

const rules = { autoCloseDays: 7, reminderDaysBefore: 2 };
const DAY = 24 * 3_600_000;
const spoke = '2026-11-02T03:00:00.000Z';
const after = (days: number) => new Date(Date.parse(spoke) + days * DAY);

const silence = (overrides: Partial<Silence> = {}): Silence => ({
  lastStaffMessageAt: spoke,
  lastCitizenMessageAt: null,
  closeReminderFor: null,
  waitingOnCitizen: true,
  meetingPending: false,
  ...overrides,
});

describe('the silence after the officer spoke', () => {
  test('nothing before the reminder, the reminder 2 days before, the close after 7 days', () => {
    expect(silencePlan(silence(), after(4.99), rules)).toBeNull();
    expect(silencePlan(silence(), after(5), rules)).toBe('remind');
    expect(silencePlan(silence({ closeReminderFor: spoke }), after(6), rules)).toBeNull();
    expect(silencePlan(silence({ closeReminderFor: spoke }), after(7), rules)).toBe('close');
    expect(closesAt(spoke, rules).toISOString()).toBe('2026-11-09T03:00:00.000Z');
  });

  test('a reminder is sent once per message of the officer: a new message earns a new one', () => {
    const later = '2026-11-04T03:00:00.000Z';
    const reminded = silence({ lastStaffMessageAt: later, closeReminderFor: spoke });
    expect(silencePlan(reminded, new Date(Date.parse(later) + 5 * DAY), rules)).toBe('remind');
  });

  test('only when the officer spoke last: a citizen answer stops the count', () => {
    const answered = silence({ lastCitizenMessageAt: '2026-11-03T03:00:00.000Z' });
    expect(silencePlan(answered, after(30), rules)).toBeNull();
    const answeredBefore = silence({ lastCitizenMessageAt: '2026-11-01T03:00:00.000Z' });
    expect(silencePlan(answeredBefore, after(7), rules)).toBe('close');
  });

  test('never while a meeting is still to come, nor for a request not waiting on the citizen', () => {
    expect(silencePlan(silence({ meetingPending: true }), after(30), rules)).toBeNull();
    expect(silencePlan(silence({ waitingOnCitizen: false }), after(30), rules)).toBeNull();
    expect(silencePlan(silence({ lastStaffMessageAt: null }), after(30), rules)).toBeNull();
  });
});

describe('what happens next, said to the citizen', () => {
  const state = {
    status: 'diproses' as const,
    emailConfirmed: true,
    clockSuspended: false,
    dueDate: '2026-11-05',
    lastStaffMessageAt: null,
    meeting: null,
  };

  test('one line for each state', () => {
    expect(nextStep(state, rules)).toBe(
      'Petugas sedang memproses permintaan Anda. Jawaban paling lambat Kamis, 5 November 2026.',
    );
    expect(nextStep({ ...state, emailConfirmed: false }, rules)).toMatch(/^Buka tautan konfirmasi/);
    expect(
      nextStep({ ...state, status: 'menunggu_pengguna', lastStaffMessageAt: spoke }, rules),
    ).toBe(
      'Petugas sudah membalas. Balas di bawah jika masih ada yang ingin ditanyakan. Jika tidak ada balasan sampai Senin, 9 November 2026, percakapan ditutup.',
    );
    expect(
      nextStep(
        { ...state, status: 'menunggu_pengguna', clockSuspended: true, lastStaffMessageAt: spoke },
        rules,
      ),
    ).toMatch(
      /^Petugas memerlukan keterangan tambahan dari Anda\. Batas waktu layanan dihitung lagi/,
    );
    expect(nextStep({ ...state, meeting: { state: 'diusulkan' } }, rules)).toMatch(
      /^Petugas mengusulkan waktu/,
    );
    expect(
      nextStep(
        { ...state, meeting: { state: 'dijadwalkan', startsAt: '2026-11-09T03:00:00.000Z' } },
        rules,
      ),
    ).toBe(
      'Pertemuan dijadwalkan Senin, 9 November 2026 pukul 10.00 WIB. Kami mengirim pengingat sehari kerja sebelumnya.',
    );
    expect(nextStep({ ...state, status: 'selesai' }, rules)).toMatch(/sudah selesai/);
  });
});
