/**
 * The texts of the mails the endpoint sends, in Indonesian, plain text only (nothing a
 * citizen typed can become markup in a mail client). Subjects carry only the request
 * number, never typed text. Office facts come from content/office.yaml, time limits from the
 * standard's frontmatter.
 */
import type { Office } from '../../content-schemas/office.ts';
import type { ServiceLimits } from '../../content-schemas/standard.ts';
import { autoCloseRule, onlineLimit } from '../../lib/service-limits.ts';
import { formatDate } from '../../lib/working-days.ts';
import {
  CATEGORY_LABELS,
  IDENTITY_LABELS,
  type Category,
  type Identity,
} from '../../schemas/complaint.ts';
import { CHANNEL_LABELS, type Channel } from '../../schemas/consultation.ts';
import { FORMS } from '../../lib/forms.ts';
import { keyPlaceholder } from '../domain/access-keys.ts';
import { STATUS_LABELS } from '../domain/lifecycle.ts';
import type { NewMail, NewRequest, StoredRequest } from '../storage/store.ts';

/** What the texts need to know besides the request. */
export interface MailContext {
  office: Office;
  limits: ServiceLimits;
  /** Where the endpoint serves its own pages (the workspace, the account links). */
  endpointOrigin: string;
}

/**
 * The personal link to the request's conversation (no email to type). The key is filled in
 * only when the mail is sent (access-keys.ts); a request without an email has none.
 */
export function personalLink(
  office: Office,
  request: Pick<NewRequest, 'reference' | 'accessKeyHash'>,
): string {
  const base = `${office.siteUrl}/status/?ref=${encodeURIComponent(request.reference)}`;
  return request.accessKeyHash ? `${base}&kunci=${keyPlaceholder(request.reference)}` : base;
}

/** The rating form for this request, its reference filled in. */
export function ratingLink(
  office: Office,
  request: Pick<NewRequest, 'reference' | 'accessKeyHash'>,
): string {
  const base = `${office.siteUrl}${FORMS.penilaian.page}?ref=${encodeURIComponent(request.reference)}`;
  return request.accessKeyHash ? `${base}&kunci=${keyPlaceholder(request.reference)}` : base;
}

/**
 * Where a mail to the citizen goes: the request's address once confirmed. Until then the
 * only mail it gets is the confirmation link (anyone can type anyone's address into a form).
 */
export const citizenAddress = (request: Pick<StoredRequest, 'email' | 'emailConfirmed'>) =>
  request.emailConfirmed && request.email ? request.email : null;

const subjectOf = (request: Pick<NewRequest, 'reference'>, what: string) =>
  `[${request.reference}] ${what}`;
const greeting = (request: Pick<NewRequest, 'name'>) => `Yth. ${request.name ?? 'Bapak/Ibu'},`;

function signature(office: Office): string {
  return [
    `Salam,`,
    office.name,
    `Email: ${office.email} · WhatsApp: ${office.whatsapp.display}`,
    office.siteUrl,
  ].join('\n');
}

function nextSteps(request: NewRequest, { office, limits }: MailContext): string[] {
  const status = `- Lihat percakapan dan balas kapan saja lewat tautan pribadi ini (jangan diteruskan): ${personalLink(office, request)}`;
  if (request.kind === 'pengaduan') {
    return [
      'Apa yang terjadi selanjutnya:',
      '- Pengelola pengaduan membaca dan menindaklanjuti pengaduan Anda. Tanggapannya dikirim ke alamat email ini.',
      status,
    ];
  }
  return [
    `Jika permintaan Anda sudah jelas dan lengkap, petugas melayaninya paling lambat ${formatDate(request.dueDate)}: ${onlineLimit(limits)}.`,
    '',
    'Apa yang terjadi selanjutnya:',
    '- Petugas membaca permintaan Anda dan membalas lewat email ke alamat ini.',
    status,
    `- Percakapan ${autoCloseRule(limits)}.`,
  ];
}

function acknowledgement(request: NewRequest, context: MailContext): NewMail {
  const kind = FORMS[request.kind].label;
  return {
    to: request.email ?? '',
    purpose: 'acknowledgement',
    subject: `[${request.reference}] ${kind} Anda sudah kami terima`,
    text: [
      `Yth. ${request.name ?? 'Bapak/Ibu'},`,
      '',
      `Terima kasih. ${kind} Anda sudah kami terima.`,
      '',
      `Nomor permintaan: ${request.reference}`,
      '',
      ...nextSteps(request, context),
      '',
      signature(context.office),
    ].join('\n'),
  };
}

function staffNotification(request: NewRequest, context: MailContext, staffEmail: string): NewMail {
  const { office } = context;
  const lines =
    request.kind === 'konsultasi'
      ? [
          `Batas waktu layanan: ${formatDate(request.dueDate)}`,
          `Nama: ${request.name}`,
          `Email: ${request.email}`,
          `HP/WhatsApp: ${request.phone ?? '-'}`,
          `Tindak lanjut: ${CHANNEL_LABELS[request.channel as Channel] ?? request.channel}`,
          `Topik: ${request.topic}`,
          '',
          'Pertanyaan:',
          request.question ?? '',
        ]
      : [
          `Identitas: ${IDENTITY_LABELS[request.identity as Identity] ?? request.identity}`,
          ...(request.identity === 'rahasia'
            ? ['RAHASIA: nama dan kontak pelapor hanya untuk membalas pengaduan ini.']
            : []),
          ...(request.identity === 'anonim'
            ? []
            : [
                `Nama: ${request.name}`,
                `Email: ${request.email}`,
                `HP/WhatsApp: ${request.phone ?? '-'}`,
              ]),
          `Kategori: ${CATEGORY_LABELS[request.category as Category] ?? request.category}`,
          `Nomor permintaan terkait: ${request.relatedReference ?? '-'}`,
          '',
          'Isi pengaduan:',
          request.description ?? '',
        ];
  return {
    to: staffEmail,
    purpose: 'staff_notice',
    subject: `${FORMS[request.kind].label} baru ${request.reference}`,
    text: [
      `${FORMS[request.kind].label} baru masuk lewat situs ${office.shortName}.`,
      '',
      `Nomor permintaan: ${request.reference}`,
      ...lines,
      '',
      `Buka dan balas di ruang kerja petugas: ${context.endpointOrigin}/petugas/permintaan/${request.reference}/`,
    ].join('\n'),
  };
}

/** Acknowledgement to the citizen (when there is an email) and notice to staff; none for spam. */
export function newRequestMails(
  request: NewRequest,
  context: MailContext,
  staffEmail: string,
): NewMail[] {
  if (request.spam) return [];
  const toStaff = staffNotification(request, context, staffEmail);
  return request.email ? [acknowledgement(request, context), toStaff] : [toStaff];
}

/**
 * A staff reply, sent to the citizen when the request has an email. `needsInfo`: the officer
 * asks for more ("perlu dilengkapi") and the working days stand still until the answer.
 */
export function replyMails(
  request: StoredRequest,
  reply: string,
  status: StoredRequest['status'],
  { office, limits }: MailContext,
  needsInfo = false,
): NewMail[] {
  const to = citizenAddress(request);
  if (!to) return [];
  return [
    {
      to,
      purpose: 'reply',
      subject: subjectOf(
        request,
        needsInfo ? 'Mohon lengkapi permintaan Anda' : `Balasan dari ${office.shortName}`,
      ),
      text: [
        greeting(request),
        '',
        ...(needsInfo
          ? ['Agar dapat kami layani, permintaan Anda perlu dilengkapi. Petugas menulis:', '']
          : []),
        reply,
        '',
        ...(needsInfo
          ? [
              `Batas waktu layanan (${limits.onlineWorkingDays} hari kerja) dihitung lagi sejak Anda membalas.`,
            ]
          : []),
        `Status permintaan ${request.reference}: ${STATUS_LABELS.id[status]}.`,
        ...(status === 'menunggu_pengguna'
          ? [
              `Balas lewat tautan pribadi di bawah, atau hubungi kami lewat WhatsApp. Percakapan ${autoCloseRule(limits)}.`,
            ]
          : []),
        ...(status === 'selesai'
          ? [
              '',
              `Bagaimana pelayanan kami? Beri penilaian (sekitar 2 menit): ${ratingLink(office, request)}`,
            ]
          : []),
        `Percakapan lengkap: ${personalLink(office, request)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}

/**
 * The first request from an address not yet confirmed: one short mail with the link. It
 * carries nothing the sender typed, as anyone can type anyone's address into a form.
 */
export function confirmationMail(
  email: string,
  link: string,
  { office }: MailContext,
  days: number,
): NewMail {
  return {
    to: email,
    purpose: 'confirmation',
    subject: `Konfirmasi alamat email untuk ${office.shortName}`,
    text: [
      'Yth. Bapak/Ibu,',
      '',
      `Alamat email ini baru saja dipakai untuk mengajukan permintaan lewat situs ${office.shortName}.`,
      `Jika itu Anda, konfirmasi alamat email Anda lewat tautan ini (berlaku ${days} hari):`,
      link,
      '',
      'Setelah dikonfirmasi, permintaan Anda mulai diproses dan kami mengirim nomor serta batas waktunya.',
      `Jika bukan Anda, abaikan email ini: permintaan itu dihapus setelah ${days} hari.`,
      '',
      signature(office),
    ].join('\n'),
  };
}

/** The one-time link to "Permintaan saya". */
export function signInMail(
  email: string,
  link: string,
  { office }: MailContext,
  minutes: number,
): NewMail {
  return {
    to: email,
    purpose: 'sign_in',
    subject: `Tautan masuk ke Permintaan saya, ${office.shortName}`,
    text: [
      'Yth. Bapak/Ibu,',
      '',
      `Buka tautan ini untuk melihat permintaan Anda. Tautan berlaku ${minutes} menit dan hanya dapat dipakai sekali:`,
      link,
      '',
      'Jika Anda tidak meminta tautan ini, abaikan email ini.',
      '',
      signature(office),
    ].join('\n'),
  };
}

/** Tells staff the citizen wrote back; the message itself is read in the workspace. */
export function citizenMessageNotice(
  request: StoredRequest,
  context: MailContext,
  staffEmail: string,
): NewMail {
  return {
    to: staffEmail,
    purpose: 'staff_notice',
    subject: subjectOf(request, 'Ada balasan baru dari pengguna'),
    text: [
      `Pengguna membalas ${FORMS[request.kind].label.toLowerCase()} ${request.reference}.`,
      '',
      `Baca dan balas di ruang kerja petugas: ${context.endpointOrigin}/petugas/permintaan/${request.reference}/`,
    ].join('\n'),
  };
}

/** "Percakapan akan ditutup": the reminder before the automatic close. */
export function closeReminderMail(
  request: StoredRequest,
  closesOn: string,
  { office }: MailContext,
): NewMail[] {
  const to = citizenAddress(request);
  if (!to) return [];
  return [
    {
      to,
      purpose: 'reminder',
      subject: subjectOf(request, 'Percakapan akan ditutup'),
      text: [
        greeting(request),
        '',
        `Kami belum menerima balasan Anda atas pesan petugas untuk permintaan ${request.reference}.`,
        `Jika tidak ada balasan sampai ${formatDate(closesOn)}, percakapan ditutup.`,
        `Masih ada yang ingin ditanyakan? Balas lewat tautan pribadi ini: ${personalLink(office, request)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}

/** The automatic close, with the rating invitation. */
export function closingMail(request: StoredRequest, { office, limits }: MailContext): NewMail[] {
  const to = citizenAddress(request);
  if (!to) return [];
  return [
    {
      to,
      purpose: 'closing',
      subject: subjectOf(request, 'Percakapan ditutup'),
      text: [
        greeting(request),
        '',
        `Percakapan untuk permintaan ${request.reference} kami tutup karena tidak ada balasan selama ${limits.autoCloseDays} hari sejak pesan terakhir petugas.`,
        'Jika masih memerlukan bantuan, ajukan permintaan baru kapan saja.',
        '',
        `Bagaimana pelayanan kami? Beri penilaian (sekitar 2 menit): ${ratingLink(office, request)}`,
        `Percakapan lengkap: ${personalLink(office, request)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}

/** A request closed by an officer without a reply: the rating invitation on its own. */
export function ratingInvitation(request: StoredRequest, { office }: MailContext): NewMail[] {
  const to = citizenAddress(request);
  if (!to) return [];
  return [
    {
      to,
      purpose: 'rating_invitation',
      subject: subjectOf(request, 'Permintaan selesai: beri penilaian'),
      text: [
        greeting(request),
        '',
        `Permintaan ${request.reference} sudah selesai.`,
        `Bagaimana pelayanan kami? Beri penilaian (sekitar 2 menit): ${ratingLink(office, request)}`,
        `Percakapan lengkap: ${personalLink(office, request)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}

/**
 * A walk-in visit finished: the rating invitation, when the visitor gave an email in the
 * guest book. The visitor stood at the desk with the officer, so no confirmation is asked
 * first (the risk a confirmation guards against, anyone typing anyone's address into a form
 * on the web, does not apply to the Front Office kiosk).
 */
export function visitRatingInvitation(
  visit: { reference: string; name?: string; email?: string },
  { office }: MailContext,
): NewMail[] {
  if (!visit.email) return [];
  return [
    {
      to: visit.email,
      purpose: 'rating_invitation',
      subject: subjectOf(visit, 'Kunjungan selesai: beri penilaian'),
      text: [
        greeting(visit),
        '',
        `Terima kasih sudah datang ke ${office.shortName}. Nomor kunjungan Anda ${visit.reference}.`,
        `Bagaimana pelayanan kami? Beri penilaian (sekitar 2 menit): ${office.siteUrl}${FORMS.penilaian.page}?ref=${encodeURIComponent(visit.reference)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}
