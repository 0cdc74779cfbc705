/**
 * Follow-up meetings (online procedure step 12): an officer proposes one to three slots, the
 * citizen chooses one (or asks for other times with a message), either side cancels with a
 * reason, the officer records whether it took place. Each step is a history entry and its
 * mails, written together.
 */
import { slotLabel, type ValidSlot } from '../../lib/meeting-slots.ts';
import { cancelledMails, chosenMails, proposedMails } from '../mail/meeting-mails.ts';
import { mailContext, type Services } from '../services.ts';
import type { Meeting, StaffAccount, StoredRequest } from '../storage/store.ts';

export async function proposeMeeting(
  services: Services,
  request: StoredRequest,
  officer: StaffAccount,
  slots: readonly ValidSlot[],
): Promise<void> {
  const at = services.clock.now().toISOString();
  // The mail lists the slots; their ids exist only once stored, and the mail needs none.
  const listed = slots.map((slot, index) => ({ ...slot, id: index }));
  await services.store.proposeMeeting(
    {
      requestId: request.id,
      staffId: officer.id,
      at,
      slots,
      event: `Pertemuan diusulkan: ${slots.map(slotLabel).join('; ')}`,
    },
    proposedMails(request, listed, mailContext(services)),
  );
  await services.store.audit({
    at,
    staffId: officer.id,
    action: 'pertemuan-usul',
    target: request.reference,
  });
  services.nudgeOutbox();
}

async function proposer(services: Services, meeting: Meeting): Promise<StaffAccount | null> {
  return (
    (await services.store.listStaff()).find((officer) => officer.id === meeting.proposedBy) ?? null
  );
}

/** The citizen chooses a slot; false when the meeting is no longer waiting for a choice. */
export async function chooseSlot(
  services: Services,
  request: StoredRequest,
  meeting: Meeting,
  slotId: number,
): Promise<boolean> {
  const slot = meeting.slots.find((s) => s.id === slotId);
  const officer = await proposer(services, meeting);
  if (!slot || !officer || meeting.state !== 'diusulkan') return false;
  const chosen = { ...meeting, chosenSlot: slot.id, state: 'dijadwalkan' as const };
  const ok = await services.store.updateMeeting(
    {
      meetingId: meeting.id,
      at: services.clock.now().toISOString(),
      from: ['diusulkan'],
      to: 'dijadwalkan',
      chosenSlot: slot.id,
      actor: 'warga',
      event: `Pertemuan dipilih: ${slotLabel(slot)}`,
    },
    chosenMails(request, chosen, slot, officer, mailContext(services)),
  );
  if (ok) services.nudgeOutbox();
  return ok;
}

export async function cancelMeeting(
  services: Services,
  request: StoredRequest,
  meeting: Meeting,
  by: { side: 'warga' } | { side: 'petugas'; staffId: number },
  reason: string,
): Promise<boolean> {
  const officer = await proposer(services, meeting);
  if (!officer) return false;
  const at = services.clock.now().toISOString();
  const ok = await services.store.updateMeeting(
    {
      meetingId: meeting.id,
      at,
      from: ['diusulkan', 'dijadwalkan'],
      to: 'dibatalkan',
      cancelledBy: by.side,
      cancelReason: reason,
      actor: by.side,
      staffId: by.side === 'petugas' ? by.staffId : null,
      event: `Pertemuan dibatalkan ${by.side === 'warga' ? 'oleh pengguna' : 'oleh petugas'}`,
    },
    cancelledMails(request, meeting, by.side, reason, officer, mailContext(services)),
  );
  if (ok && by.side === 'petugas')
    await services.store.audit({
      at,
      staffId: by.staffId,
      action: 'pertemuan-batal',
      target: request.reference,
    });
  if (ok) services.nudgeOutbox();
  return ok;
}

/** After the time: whether the meeting took place. */
export async function recordMeeting(
  services: Services,
  request: StoredRequest,
  meeting: Meeting,
  held: boolean,
  staffId: number,
): Promise<boolean> {
  const at = services.clock.now().toISOString();
  const ok = await services.store.updateMeeting(
    {
      meetingId: meeting.id,
      at,
      from: ['dijadwalkan'],
      to: held ? 'terlaksana' : 'tidak_terlaksana',
      actor: 'petugas',
      staffId,
      event: held ? 'Pertemuan terlaksana' : 'Pertemuan tidak terlaksana',
    },
    [],
  );
  if (ok)
    await services.store.audit({
      at,
      staffId,
      action: 'pertemuan-catat',
      target: request.reference,
    });
  return ok;
}
