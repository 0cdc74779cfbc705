/**
 * The calendar invitation sent with a chosen meeting (and its cancellation), made with the
 * `ics` package (RFC 5545) rather than by hand. Times are written in UTC (a "Z" time), which
 * every calendar shows in its own zone: 10.00 WIB arrives as 10.00 in Asia/Jakarta. The UID
 * is stable per meeting, so a cancellation replaces the invitation in the calendar.
 */
import { createEvent } from 'ics';
import type { Office } from '../../content-schemas/office.ts';
import type { MailAttachment, MeetingSlot } from '../storage/store.ts';

export interface CalendarMeeting {
  meetingId: number;
  reference: string;
  slot: MeetingSlot;
  office: Office;
  /** The officer and the citizen, as attendees. */
  attendees: readonly { name: string; email: string }[];
  cancelled?: boolean;
}

const utcParts = (iso: string): [number, number, number, number, number] => {
  const date = new Date(iso);
  return [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  ];
};

export function meetingInvitation(meeting: CalendarMeeting): MailAttachment {
  const { slot, office } = meeting;
  const host = new URL(office.siteUrl).hostname;
  const where =
    slot.mode === 'video'
      ? `Rapat video: ${slot.link ?? ''}`
      : `${office.name}, ${office.address.street}, ${office.address.district}, ${office.address.regency}`;
  const { error, value } = createEvent({
    productId: `-//${office.shortName}//Konsultasi Statistik//ID`,
    method: meeting.cancelled ? 'CANCEL' : 'REQUEST',
    uid: `pertemuan-${meeting.meetingId}@${host}`,
    sequence: meeting.cancelled ? 1 : 0,
    status: meeting.cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: utcParts(slot.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: slot.minutes },
    title: `Konsultasi statistik ${meeting.reference}`,
    description: `Konsultasi lanjutan untuk permintaan ${meeting.reference} dengan ${office.shortName}.`,
    location: where,
    ...(slot.mode === 'video' && slot.link ? { url: slot.link } : {}),
    organizer: { name: office.shortName, email: office.email },
    attendees: meeting.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      rsvp: false,
      role: 'REQ-PARTICIPANT' as const,
    })),
  });
  if (error || !value) throw error ?? new Error('no calendar text');
  return {
    filename: meeting.cancelled ? 'pertemuan-batal.ics' : 'pertemuan.ics',
    contentType: `text/calendar; charset=utf-8; method=${meeting.cancelled ? 'CANCEL' : 'REQUEST'}`,
    content: value,
  };
}
