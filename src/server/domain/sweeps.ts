/**
 * Periodic housekeeping, started by main.ts and called directly by tests with a fake clock.
 */
import { silencePlan, closesAt } from '../../lib/conversation.ts';
import {
  addWorkingDays,
  jakartaDateTime,
  jakartaMidnight,
  addDays,
} from '../../lib/working-days.ts';
import { closeReminderMail, closingMail } from '../mail/compose.ts';
import { meetingReminderMails } from '../mail/meeting-mails.ts';
import { mailContext, type AppDeps } from '../services.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Online procedure step "menutup percakapan online jika … tidak merespon kembali selama N
 * hari": a conversation in which the officer spoke last is reminded `reminderDaysBefore`
 * days before, then closed after the standard's `autoCloseDays`, with the rating link.
 * Never while a follow-up meeting is still to come (the store leaves those out).
 */
export async function followUpConversations(
  deps: AppDeps,
): Promise<{ reminded: string[]; closed: string[] }> {
  const { store, clock, standard, office } = deps;
  const now = clock.now();
  const rules = {
    autoCloseDays: standard.limits.autoCloseDays,
    reminderDaysBefore: office.conversation.reminderDaysBefore,
  };
  const context = mailContext(deps);
  const staffSpokeBy = new Date(
    now.getTime() - (rules.autoCloseDays - rules.reminderDaysBefore) * DAY_MS,
  ).toISOString();
  const done = { reminded: [] as string[], closed: [] as string[] };
  for (const request of await store.awaitingCitizen(staffSpokeBy)) {
    const plan = silencePlan(
      { ...request, waitingOnCitizen: true, meetingPending: false },
      now,
      rules,
    );
    const spoke = request.lastStaffMessageAt ?? '';
    if (plan === 'close') {
      const closed = await store.changeRequest(
        {
          requestId: request.id,
          seen: { version: request.version },
          at: now.toISOString(),
          actor: 'sistem',
          to: 'selesai',
          event: `Ditutup otomatis: tidak ada tanggapan selama ${rules.autoCloseDays} hari`,
          eventPublic: true,
        },
        closingMail(request, context),
      );
      if (closed) done.closed.push(request.reference);
    } else if (plan === 'remind') {
      const closesOn = jakartaDateTime(closesAt(spoke, rules)).date;
      await store.markCloseReminder(
        request.id,
        spoke,
        now.toISOString(),
        closeReminderMail(request, closesOn, context),
      );
      done.reminded.push(request.reference);
    }
  }
  return done;
}

/** The working day before a scheduled meeting, both the citizen and the officer are reminded. */
export async function remindMeetings(deps: AppDeps): Promise<number> {
  const { store, clock, holidays } = deps;
  const now = clock.now();
  const tomorrow = addWorkingDays(jakartaDateTime(now).date, 1, holidays);
  const meetings = await store.meetingsStarting(
    jakartaMidnight(tomorrow).toISOString(),
    jakartaMidnight(addDays(tomorrow, 1)).toISOString(),
  );
  const officers = await store.listStaff();
  let sent = 0;
  for (const meeting of meetings.filter((m) => m.remindedAt === null)) {
    const request = await store.findRequest(meeting.reference);
    const slot = meeting.slots.find((s) => s.id === meeting.chosenSlot);
    const officer = officers.find((o) => o.id === meeting.proposedBy);
    if (!request || !slot || !officer) continue;
    await store.markMeetingReminded(
      meeting.id,
      now.toISOString(),
      meetingReminderMails(request, slot, officer, mailContext(deps)),
    );
    sent += 1;
  }
  return sent;
}

/**
 * Retention (`retentionDays` in office.yaml): erases personal data of requests closed longer
 * ago than that, and of spam received longer ago; deletes mail sent longer ago, and the
 * search counts of the days before. Returns the requests erased.
 */
export async function purgeExpiredData(deps: {
  store: AppDeps['store'];
  clock: AppDeps['clock'];
  retentionDays: number;
}): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.retentionDays * DAY_MS).toISOString();
  await deps.store.purgeSearchesBefore(jakartaDateTime(new Date(cutoff)).date);
  return deps.store.purgeBefore(
    cutoff,
    now.toISOString(),
    `Data pribadi dihapus: masa simpan ${deps.retentionDays} hari berakhir`,
  );
}
