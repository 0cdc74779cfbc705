/**
 * Follow-up meeting slots (online procedure step 12: "datang langsung atau melalui zoom
 * meeting"): what an officer may propose, and how a slot reads to people. Pure, for the
 * server's checks, the pages and the mails alike.
 */
import {
  formatDate,
  isWorkingDay,
  jakartaDateTime,
  jakartaMidnight,
  type IsoDate,
} from './working-days.ts';

export const MEETING_MODES = ['datang_langsung', 'video'] as const;
export type MeetingModeName = (typeof MEETING_MODES)[number];

export const MODE_LABELS: Record<MeetingModeName, string> = {
  datang_langsung: 'Datang langsung ke kantor',
  video: 'Rapat video',
};

export const SLOT_MINUTES = [30, 45, 60, 90] as const;
export const MAX_SLOTS = 3;

export interface SlotInput {
  date: string;
  time: string;
  minutes: string;
  mode: string;
  link: string;
}

export interface ValidSlot {
  startsAt: string;
  minutes: number;
  mode: MeetingModeName;
  link: string | null;
}

/** "Senin, 9 November 2026 pukul 10.00 WIB" */
export function slotTime(startsAt: string): string {
  const { date, minutes } = jakartaDateTime(new Date(startsAt));
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
  return `${formatDate(date)} pukul ${hhmm} WIB`;
}

/** "Senin, 9 November 2026 pukul 10.00 WIB, 30 menit, rapat video" */
export function slotLabel(slot: {
  startsAt: string;
  minutes: number;
  mode: MeetingModeName;
}): string {
  return `${slotTime(slot.startsAt)}, ${slot.minutes} menit, ${MODE_LABELS[slot.mode].toLowerCase()}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3])[.:]([0-5]\d)$/;

/**
 * The slots an officer filled in (empty rows left out), each checked: a working day, in the
 * future, a duration and a mode from the lists, an https link for a video meeting. Returns
 * the slots, or the first problem of each row by its index.
 */
export function checkSlots(
  rows: readonly SlotInput[],
  now: Date,
  holidays: ReadonlySet<IsoDate>,
): { slots: ValidSlot[]; errors: Record<number, string> } {
  const slots: ValidSlot[] = [];
  const errors: Record<number, string> = {};
  rows.forEach((row, index) => {
    if (!row.date && !row.time) return;
    const time = TIME.exec(row.time.trim());
    if (!ISO_DATE.test(row.date) || Number.isNaN(Date.parse(row.date)) || !time) {
      errors[index] = 'Isi tanggal dan jam (misalnya 10:00).';
      return;
    }
    if (!isWorkingDay(row.date, holidays)) {
      errors[index] = `${formatDate(row.date)} bukan hari kerja. Pilih hari kerja.`;
      return;
    }
    const startsAt = new Date(
      jakartaMidnight(row.date).getTime() + (Number(time[1]) * 60 + Number(time[2])) * 60_000,
    );
    if (startsAt.getTime() <= now.getTime()) {
      errors[index] = 'Waktu ini sudah lewat. Pilih waktu yang akan datang.';
      return;
    }
    const minutes = Number(row.minutes);
    if (!SLOT_MINUTES.includes(minutes as (typeof SLOT_MINUTES)[number])) {
      errors[index] = 'Pilih lama pertemuan.';
      return;
    }
    if (!MEETING_MODES.includes(row.mode as MeetingModeName)) {
      errors[index] = 'Pilih cara bertemu.';
      return;
    }
    const mode = row.mode as MeetingModeName;
    let link: string | null = null;
    if (mode === 'video') {
      try {
        const url = new URL(row.link.trim());
        if (url.protocol !== 'https:') throw new Error('not https');
        link = url.href;
      } catch {
        errors[index] = 'Tempel tautan rapat video yang diawali https://.';
        return;
      }
    }
    slots.push({ startsAt: startsAt.toISOString(), minutes, mode, link });
  });
  return { slots: slots.slice(0, MAX_SLOTS), errors };
}
