/**
 * The words of every mail, message and label the endpoint and the forms use: one name for
 * the request number, no official glosses, no leaked Markdown, no technical terms
 * (src/lib/wording.ts). The pages are checked the same way in tests/e2e/wording.spec.ts.
 */
import { expect, test } from 'vitest';
import { wordingFindings } from '../../src/lib/wording.ts';
import * as complaint from '../../src/schemas/complaint.ts';
import * as consultation from '../../src/schemas/consultation.ts';
import { catalogueFor } from '../../src/schemas/messages.ts';
import * as rating from '../../src/schemas/rating.ts';
import * as status from '../../src/schemas/status.ts';
import { ERROR_CODES, errorMessage } from '../../src/server/http/errors.ts';
import { FORMS } from '../../src/lib/forms.ts';
import { STATUS_LABELS, STATUSES } from '../../src/server/domain/lifecycle.ts';
import {
  citizenMessageNotice,
  closeReminderMail,
  closingMail,
  confirmationMail,
  newRequestMails,
  ratingInvitation,
  replyMails,
  signInMail,
} from '../../src/server/mail/compose.ts';
import {
  cancelledMails,
  chosenMails,
  meetingReminderMails,
  proposedMails,
} from '../../src/server/mail/meeting-mails.ts';
import type { Meeting, NewRequest, StoredRequest } from '../../src/server/storage/store.ts';
import * as message from '../../src/schemas/message.ts';
import { office, standard } from './harness.ts';

/** Every string inside a value (objects, arrays), with where it was found. */
function strings(value: unknown, where: string): [string, string][] {
  if (typeof value === 'string') return [[where, value]];
  if (Array.isArray(value))
    return value.flatMap((item, index) => strings(item, `${where}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${where}.${key}`));
  }
  return [];
}

function expectPlain(texts: [string, string][]) {
  const problems = texts.flatMap(([where, text]) =>
    wordingFindings(text).map((finding) => `${where}: "${finding.found}" → ${finding.instead}`),
  );
  expect(problems).toEqual([]);
}

const context = { office, limits: standard.limits, endpointOrigin: office.siteUrl };

const base: NewRequest = {
  kind: 'konsultasi',
  reference: 'KS-2611-7K3QX9',
  idempotencyKey: null,
  createdAt: '2026-11-02T03:00:00.000Z',
  dueDate: '2026-11-05',
  spam: false,
  accessKeyHash: 'a'.repeat(64),
  emailConfirmed: true,
  name: 'Siti Aminah',
  email: 'siti@contoh.co.id',
  topic: 'Data kemiskinan',
  question: 'Berapa jumlah penduduk miskin?',
  channel: 'percakapan_online',
};

const officer = { name: 'Sari Dewi', email: 'sari@contoh.go.id' };
const meeting: Meeting = {
  id: 1,
  requestId: 1,
  reference: base.reference,
  proposedBy: 1,
  proposedAt: base.createdAt,
  state: 'dijadwalkan',
  chosenSlot: 1,
  cancelledBy: null,
  cancelReason: null,
  remindedAt: null,
  slots: [
    {
      id: 1,
      startsAt: '2026-11-09T03:00:00.000Z',
      minutes: 30,
      mode: 'video',
      link: 'https://zoom.us/j/1',
    },
    {
      id: 2,
      startsAt: '2026-11-10T03:00:00.000Z',
      minutes: 30,
      mode: 'datang_langsung',
      link: null,
    },
  ],
};

test('every mail to citizens and staff uses the service’s words', () => {
  const complaints = complaint.IDENTITIES.map((identity): NewRequest => ({
    ...base,
    kind: 'pengaduan',
    reference: 'PG-2611-7K3QX9',
    identity,
    category: 'waktu_layanan',
    description: 'Belum dibalas.',
    relatedReference: 'KS-2611-7K3QX9',
  }));
  const stored: StoredRequest = {
    ...base,
    id: 1,
    status: 'diproses',
    statusChangedAt: base.createdAt,
    erasedAt: null,
    assignedTo: null,
    version: 0,
    originalDueDate: base.dueDate,
    clockSuspended: false,
    clockRestartedAt: null,
    lastStaffMessageAt: null,
    lastCitizenMessageAt: null,
    closeReminderFor: null,
  };
  const mails = [
    ...[base, ...complaints].flatMap((request) =>
      newRequestMails(request, context, 'petugas@contoh.go.id'),
    ),
    ...STATUSES.flatMap((to) => replyMails(stored, 'Data ada di tabel 4.1.', to, context)),
    ...replyMails(stored, 'Tahun berapa?', 'menunggu_pengguna', context, true),
    confirmationMail(
      'siti@contoh.co.id',
      'https://contoh.go.id/akun/konfirmasi/?token=x',
      context,
      7,
    ),
    signInMail('siti@contoh.co.id', 'https://contoh.go.id/akun/masuk/tautan/?token=x', context, 15),
    citizenMessageNotice(stored, context, 'petugas@contoh.go.id'),
    ...closeReminderMail(stored, '2026-11-09', context),
    ...closingMail(stored, context),
    ...ratingInvitation(stored, context),
    ...proposedMails(stored, meeting.slots, context),
    ...chosenMails(stored, meeting, meeting.slots[0], officer, context),
    ...cancelledMails(stored, meeting, 'petugas', 'Petugas sakit.', officer, context),
    ...meetingReminderMails(stored, meeting.slots[0], officer, context),
  ];
  expect(mails.length).toBeGreaterThan(20);
  expectPlain(
    mails.flatMap((mail, index) =>
      strings({ subject: mail.subject, text: mail.text }, `mail ${index}`),
    ),
  );
});

test('every message, label and status the forms and the endpoint show uses the service’s words', () => {
  expectPlain([
    ...strings(catalogueFor('id'), 'messages'),
    ...ERROR_CODES.map((code): [string, string] => [`error ${code}`, errorMessage(code, 'id')]),
    ...strings(STATUS_LABELS.id, 'STATUS_LABELS'),
    ...strings(FORMS, 'FORMS'),
    ...strings(complaint, 'schemas/complaint'),
    ...strings(consultation, 'schemas/consultation'),
    ...strings(rating, 'schemas/rating'),
    ...strings(status, 'schemas/status'),
    ...strings(message, 'schemas/message'),
  ]);
});
