/**
 * The mails of a follow-up meeting, to the citizen and to the officer: proposed (the slots
 * to choose from), chosen (with the calendar invitation), cancelled (with the calendar's
 * cancellation when it was scheduled), and the reminder the working day before.
 */
import { slotLabel } from '../../lib/meeting-slots.ts';
import type {
  Meeting,
  MeetingSlot,
  NewMail,
  StaffAccount,
  StoredRequest,
} from '../storage/store.ts';
import { meetingInvitation } from './calendar.ts';
import { citizenAddress, personalLink, type MailContext } from './compose.ts';

type Officer = Pick<StaffAccount, 'name' | 'email'>;

const join = (lines: readonly string[]) => lines.join('\n');

function where(slot: MeetingSlot, { office }: MailContext): string {
  return slot.mode === 'video'
    ? `Tautan rapat video: ${slot.link ?? ''}`
    : `Tempat: ${office.name}, ${office.address.street}, ${office.address.district}, ${office.address.regency}`;
}

function footer({ office }: MailContext): string[] {
  return [
    '',
    'Salam,',
    office.name,
    `Email: ${office.email} · WhatsApp: ${office.whatsapp.display}`,
  ];
}

export function proposedMails(
  request: StoredRequest,
  slots: readonly MeetingSlot[],
  context: MailContext,
): NewMail[] {
  const to = citizenAddress(request);
  if (!to) return [];
  return [
    {
      to,
      purpose: 'meeting',
      subject: `[${request.reference}] Pilih waktu konsultasi lanjutan`,
      text: join([
        `Yth. ${request.name ?? 'Bapak/Ibu'},`,
        '',
        'Petugas mengusulkan konsultasi lanjutan pada salah satu waktu berikut:',
        ...slots.map((slot, index) => `${index + 1}. ${slotLabel(slot)}`),
        '',
        `Pilih waktu, atau minta waktu lain, lewat tautan pribadi ini: ${personalLink(context.office, request)}`,
        ...footer(context),
      ]),
    },
  ];
}

function withInvitation(
  request: StoredRequest,
  meeting: Meeting,
  slot: MeetingSlot,
  officer: Officer,
  context: MailContext,
  cancelled: boolean,
) {
  const attendees = [
    { name: officer.name, email: officer.email },
    ...(citizenAddress(request)
      ? [{ name: request.name ?? 'Pengguna layanan', email: citizenAddress(request) ?? '' }]
      : []),
  ];
  return [
    meetingInvitation({
      meetingId: meeting.id,
      reference: request.reference,
      slot,
      office: context.office,
      attendees,
      cancelled,
    }),
  ];
}

export function chosenMails(
  request: StoredRequest,
  meeting: Meeting,
  slot: MeetingSlot,
  officer: Officer,
  context: MailContext,
): NewMail[] {
  const attachments = withInvitation(request, meeting, slot, officer, context, false);
  const details = [slotLabel(slot), where(slot, context)];
  return [
    ...(citizenAddress(request)
      ? [
          {
            to: citizenAddress(request) ?? '',
            purpose: 'meeting' as const,
            subject: `[${request.reference}] Konsultasi lanjutan dijadwalkan`,
            text: join([
              `Yth. ${request.name ?? 'Bapak/Ibu'},`,
              '',
              'Konsultasi lanjutan Anda dijadwalkan:',
              ...details,
              '',
              'Undangan kalender terlampir. Kami mengirim pengingat sehari kerja sebelumnya.',
              `Perlu membatalkan? Lewat tautan pribadi ini: ${personalLink(context.office, request)}`,
              ...footer(context),
            ]),
            attachments,
          },
        ]
      : []),
    {
      to: officer.email,
      purpose: 'meeting',
      subject: `[${request.reference}] Pertemuan dijadwalkan`,
      text: join([
        `Pengguna memilih waktu pertemuan untuk ${request.reference}:`,
        ...details,
        '',
        `Ruang kerja: ${context.endpointOrigin}/petugas/permintaan/${request.reference}/`,
      ]),
      attachments,
    },
  ];
}

export function cancelledMails(
  request: StoredRequest,
  meeting: Meeting,
  by: 'warga' | 'petugas',
  reason: string,
  officer: Officer,
  context: MailContext,
): NewMail[] {
  const slot = meeting.slots.find((s) => s.id === meeting.chosenSlot);
  const attachments = slot
    ? withInvitation(request, meeting, slot, officer, context, true)
    : undefined;
  const what = slot ? `Pertemuan ${slotLabel(slot)}` : 'Usulan pertemuan';
  return [
    ...(citizenAddress(request)
      ? [
          {
            to: citizenAddress(request) ?? '',
            purpose: 'meeting' as const,
            subject: `[${request.reference}] Konsultasi lanjutan dibatalkan`,
            text: join([
              `Yth. ${request.name ?? 'Bapak/Ibu'},`,
              '',
              `${what} dibatalkan ${by === 'warga' ? 'atas permintaan Anda' : 'oleh petugas'}.`,
              // The officer's reason goes to the citizen; the citizen's own words are not sent back.
              ...(by === 'petugas' ? [`Alasan: ${reason}`] : []),
              '',
              `Percakapan dan langkah berikutnya: ${personalLink(context.office, request)}`,
              ...footer(context),
            ]),
            ...(attachments ? { attachments } : {}),
          },
        ]
      : []),
    {
      to: officer.email,
      purpose: 'meeting',
      subject: `[${request.reference}] Pertemuan dibatalkan`,
      text: join([
        `${what} untuk ${request.reference} dibatalkan ${by === 'warga' ? 'oleh pengguna' : 'oleh petugas'}.`,
        `Alasan: ${reason}`,
        '',
        `Ruang kerja: ${context.endpointOrigin}/petugas/permintaan/${request.reference}/`,
      ]),
      ...(attachments ? { attachments } : {}),
    },
  ];
}

export function meetingReminderMails(
  request: StoredRequest,
  slot: MeetingSlot,
  officer: Officer,
  context: MailContext,
): NewMail[] {
  const details = [slotLabel(slot), where(slot, context)];
  return [
    ...(citizenAddress(request)
      ? [
          {
            to: citizenAddress(request) ?? '',
            purpose: 'reminder' as const,
            subject: `[${request.reference}] Pengingat: konsultasi lanjutan`,
            text: join([
              `Yth. ${request.name ?? 'Bapak/Ibu'},`,
              '',
              'Pengingat konsultasi lanjutan Anda:',
              ...details,
              '',
              `Berhalangan? Batalkan lewat tautan pribadi ini: ${personalLink(context.office, request)}`,
              ...footer(context),
            ]),
          },
        ]
      : []),
    {
      to: officer.email,
      purpose: 'reminder',
      subject: `[${request.reference}] Pengingat pertemuan`,
      text: join([
        'Pengingat pertemuan:',
        ...details,
        '',
        `Ruang kerja: ${context.endpointOrigin}/petugas/permintaan/${request.reference}/`,
      ]),
    },
  ];
}
