/**
 * The online conversation as the standard describes it (online procedure steps 12–15), as
 * pure rules: when a silent conversation is reminded and closed, and what the citizen is told
 * happens next. The store finds the candidates; these functions decide.
 *
 * "Menutup percakapan online jika … pengguna layanan tidak merespon kembali selama 7 hari":
 * counted in calendar days from the officer's last message, and only while the officer spoke
 * last — a citizen's message, or a meeting still to come, stops the count.
 */
import { formatDate, jakartaDateTime } from './working-days.ts';

const DAY_MS = 24 * 60 * 60_000;

export interface ConversationRules {
  /** The standard's days without an answer before the conversation closes. */
  autoCloseDays: number;
  /** How many days before the close the citizen is reminded. */
  reminderDaysBefore: number;
}

export interface Silence {
  /** When the officer last wrote (a reply, a request for more, a meeting proposed). */
  lastStaffMessageAt: string | null;
  lastCitizenMessageAt: string | null;
  /** The officer's message a reminder was already sent for. */
  closeReminderFor: string | null;
  waitingOnCitizen: boolean;
  meetingPending: boolean;
}

/** When a conversation left silent since the officer's message closes. */
export function closesAt(lastStaffMessageAt: string, rules: ConversationRules): Date {
  return new Date(Date.parse(lastStaffMessageAt) + rules.autoCloseDays * DAY_MS);
}

/** What the sweep does now: remind the citizen, close the conversation, or nothing. */
export function silencePlan(
  silence: Silence,
  now: Date,
  rules: ConversationRules,
): 'remind' | 'close' | null {
  const { lastStaffMessageAt: spoke, lastCitizenMessageAt: answered } = silence;
  if (!silence.waitingOnCitizen || silence.meetingPending || spoke === null) return null;
  if (answered !== null && answered >= spoke) return null;
  const closing = closesAt(spoke, rules).getTime();
  if (now.getTime() >= closing) return 'close';
  const remindFrom = closing - rules.reminderDaysBefore * DAY_MS;
  return now.getTime() >= remindFrom && silence.closeReminderFor !== spoke ? 'remind' : null;
}

export interface ConversationState {
  status: 'baru' | 'diproses' | 'menunggu_pengguna' | 'selesai';
  emailConfirmed: boolean;
  clockSuspended: boolean;
  dueDate: string;
  lastStaffMessageAt: string | null;
  /** A meeting waiting for the citizen's choice, or one scheduled (its start). */
  meeting: { state: 'diusulkan' } | { state: 'dijadwalkan'; startsAt: string } | null;
}

/** The one line the status page says about what happens next, addressed to the citizen. */
export function nextStep(state: ConversationState, rules: ConversationRules): string {
  if (!state.emailConfirmed)
    return 'Buka tautan konfirmasi yang kami kirim ke email Anda. Permintaan mulai diproses setelah alamat email dikonfirmasi.';
  if (state.status === 'selesai')
    return 'Permintaan ini sudah selesai. Jika masih ada yang ingin ditanyakan, ajukan permintaan baru.';
  if (state.meeting?.state === 'diusulkan')
    return 'Petugas mengusulkan waktu pertemuan. Pilih salah satu di bawah, atau balas jika waktunya tidak cocok.';
  if (state.meeting?.state === 'dijadwalkan') {
    const { date, minutes } = jakartaDateTime(new Date(state.meeting.startsAt));
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
    return `Pertemuan dijadwalkan ${formatDate(date)} pukul ${time} WIB. Kami mengirim pengingat sehari kerja sebelumnya.`;
  }
  if (state.status === 'menunggu_pengguna') {
    const close = state.lastStaffMessageAt
      ? ` sampai ${formatDate(jakartaDateTime(closesAt(state.lastStaffMessageAt, rules)).date)}`
      : '';
    const ask = state.clockSuspended
      ? 'Petugas memerlukan keterangan tambahan dari Anda. Batas waktu layanan dihitung lagi setelah Anda membalas.'
      : 'Petugas sudah membalas. Balas di bawah jika masih ada yang ingin ditanyakan.';
    return `${ask} Jika tidak ada balasan${close}, percakapan ditutup.`;
  }
  return `Petugas sedang memproses permintaan Anda. Jawaban paling lambat ${formatDate(state.dueDate)}.`;
}
