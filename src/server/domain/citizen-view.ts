/**
 * A request as the citizen reads it on /status/: the conversation (their words, the
 * officers' replies, what happened), the due dates and why they moved, the meetings, what
 * happens next, and the ways on (reply, WhatsApp, rating, a new request). No internal note,
 * assignment or spam mark ever reaches it.
 */
import { nextStep } from '../../lib/conversation.ts';
import { FORMS } from '../../lib/forms.ts';
import { slotLabel } from '../../lib/meeting-slots.ts';
import { formatDate, jakartaDateTime } from '../../lib/working-days.ts';
import type { Language } from '../../schemas/messages.ts';
import type { MeetingView, StatusAnswer, ThreadEntry } from '../../schemas/status.ts';
import type { AppDeps } from '../services.ts';
import type { HistoryEntry, Meeting, StoredRequest } from '../storage/store.ts';
import { accessKeyFor, accessKeyMatches } from './access-keys.ts';
import { STATUS_LABELS } from './lifecycle.ts';

const MEETING_STATES: Record<Meeting['state'], string> = {
  diusulkan: 'Menunggu pilihan Anda',
  dijadwalkan: 'Dijadwalkan',
  dibatalkan: 'Dibatalkan',
  terlaksana: 'Terlaksana',
  tidak_terlaksana: 'Tidak terlaksana',
};

function officerName(entry: HistoryEntry, showFirstName: boolean): string {
  const first = entry.staffName?.trim().split(/\s+/)[0];
  return showFirstName && first ? `Petugas ${first}` : 'Petugas';
}

export function conversation(
  request: StoredRequest,
  history: readonly HistoryEntry[],
  showFirstName: boolean,
  language: Language,
): ThreadEntry[] {
  const entries: ThreadEntry[] = [];
  const opening = request.kind === 'konsultasi' ? request.question : request.description;
  history.forEach((entry, index) => {
    const at = entry.at;
    if (index === 0) {
      entries.push({ at, who: 'anda', name: 'Anda', kind: 'pesan', text: opening ?? '' });
      return;
    }
    if (entry.message)
      entries.push({ at, who: 'anda', name: 'Anda', kind: 'pesan', text: entry.message });
    if (entry.reply !== null) {
      const name = officerName(entry, showFirstName);
      entries.push({ at, who: 'petugas', name, kind: 'pesan', text: entry.reply });
    }
    if (entry.event && entry.eventPublic) {
      const who =
        entry.actor === 'warga' ? 'anda' : entry.actor === 'petugas' ? 'petugas' : 'sistem';
      const name =
        who === 'anda' ? 'Anda' : who === 'petugas' ? officerName(entry, showFirstName) : 'Layanan';
      entries.push({ at, who, name, kind: 'peristiwa', text: entry.event });
    }
    if (entry.status !== history[index - 1].status && entry.reply === null && !entry.message) {
      entries.push({
        at,
        who: 'sistem',
        name: 'Layanan',
        kind: 'peristiwa',
        text: `Status: ${STATUS_LABELS[language][entry.status]}`,
      });
    }
  });
  return entries;
}

export function meetingView(meeting: Meeting, office: AppDeps['office']): MeetingView {
  const chosen = meeting.slots.find((slot) => slot.id === meeting.chosenSlot) ?? null;
  const address = `${office.name}, ${office.address.street}, ${office.address.district}`;
  return {
    id: meeting.id,
    state: meeting.state,
    stateLabel: MEETING_STATES[meeting.state],
    slots: meeting.slots.map((slot) => ({ id: slot.id, label: slotLabel(slot) })),
    chosen: chosen
      ? {
          label: slotLabel(chosen),
          where: chosen.mode === 'video' ? 'Rapat video' : address,
          link: chosen.mode === 'video' ? chosen.link : null,
        }
      : null,
  };
}

/** A new consultation that names the closed one as the earlier request. */
export const followUpFor = (reference: string) =>
  `${FORMS.konsultasi.page}?terkait=${encodeURIComponent(reference)}`;

function dueNote(request: StoredRequest): string | null {
  if (!request.emailConfirmed)
    return 'Batas waktu mulai berjalan setelah alamat email Anda dikonfirmasi.';
  if (request.clockSuspended)
    return 'Batas waktu berhenti sementara: petugas menunggu keterangan tambahan dari Anda.';
  if (request.dueDate !== request.originalDueDate && request.clockRestartedAt) {
    const on = formatDate(jakartaDateTime(new Date(request.clockRestartedAt)).date);
    return `Batas waktu dihitung ulang karena permintaan perlu dilengkapi; Anda melengkapinya pada ${on}.`;
  }
  return null;
}

export function statusAnswer(
  services: AppDeps,
  request: StoredRequest,
  history: readonly HistoryEntry[],
  meetings: readonly Meeting[],
  rated: boolean,
  language: Language,
): StatusAnswer {
  const { office, standard, config } = services;
  const closed = request.status === 'selesai';
  const pending = meetings.find((m) => m.state === 'diusulkan' || m.state === 'dijadwalkan');
  const chosen = pending?.slots.find((slot) => slot.id === pending.chosenSlot);
  const key = request.accessKeyHash ? accessKeyFor(config.linkSecret, request.reference) : null;
  const ratingQuery = new URLSearchParams({
    ref: request.reference,
    ...(key ? { kunci: key } : {}),
  });
  return {
    reference: request.reference,
    kind: request.kind,
    kindLabel: FORMS[request.kind].label,
    status: request.status,
    statusLabel: STATUS_LABELS[language][request.status],
    dueDate: request.dueDate,
    originalDueDate: request.originalDueDate,
    dueNote: dueNote(request),
    receivedAt: request.createdAt,
    emailConfirmed: request.emailConfirmed,
    nextStep: nextStep(
      {
        ...request,
        meeting: pending
          ? pending.state === 'dijadwalkan' && chosen
            ? { state: 'dijadwalkan', startsAt: chosen.startsAt }
            : { state: 'diusulkan' }
          : null,
      },
      {
        autoCloseDays: standard.limits.autoCloseDays,
        reminderDaysBefore: office.conversation.reminderDaysBefore,
      },
    ),
    thread: conversation(request, history, office.conversation.showOfficerFirstName, language),
    meetings: meetings.map((meeting) => meetingView(meeting, office)),
    canReply: !closed,
    whatsapp: `${office.whatsapp.url}?text=${encodeURIComponent(
      `Halo ${office.shortName}, saya ingin melanjutkan permintaan ${request.reference}.`,
    )}`,
    followUp: closed ? followUpFor(request.reference) : null,
    rating:
      closed && !rated
        ? { href: `${FORMS.penilaian.page}?${ratingQuery}`, label: FORMS.penilaian.link }
        : null,
  };
}

/**
 * The request the citizen may see and speak for: found by its number with the email given
 * with it, or with its personal link's key; an anonymous complaint by its number alone. Once
 * its personal data is erased, by nothing at all. The same null for every failure: nothing
 * to probe.
 */
export async function openRequest(
  services: AppDeps,
  credentials: { reference: string; email?: string; kunci?: string },
): Promise<StoredRequest | null> {
  const request = await services.store.findRequest(credentials.reference);
  if (!request) return null;
  const anonymous = request.kind === 'pengaduan' && request.identity === 'anonim';
  if (anonymous)
    return credentials.email === undefined && credentials.kunci === undefined ? request : null;
  if (request.erasedAt) return null;
  if (credentials.kunci !== undefined)
    return accessKeyMatches(request.accessKeyHash, credentials.kunci) ? request : null;
  return credentials.email !== undefined && request.email === credentials.email ? request : null;
}

/** Everything the status page shows of an opened request. */
export async function answerFor(
  services: AppDeps,
  request: StoredRequest,
  language: Language,
): Promise<StatusAnswer> {
  const [history, meetings, rated] = await Promise.all([
    services.store.history(request.id),
    services.store.meetingsOf(request.id),
    services.store.ratedReferences([request.reference]),
  ]);
  return statusAnswer(services, request, history, meetings, rated.length > 0, language);
}
