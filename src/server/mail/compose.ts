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
import { STATUS_LABELS } from '../domain/lifecycle.ts';
import type { NewMail, NewRequest, StoredRequest } from '../storage/store.ts';

/** What the texts need to know besides the request. */
export interface MailContext {
  office: Office;
  limits: ServiceLimits;
  /** Where the officers' workspace is served: the endpoint's origin. */
  workspaceOrigin: string;
}

function statusUrl(office: Office, reference: string): string {
  return `${office.siteUrl}/status/?ref=${encodeURIComponent(reference)}`;
}

function signature(office: Office): string {
  return [
    `Salam,`,
    office.name,
    `Email: ${office.email} · WhatsApp: ${office.whatsapp.display}`,
    office.siteUrl,
  ].join('\n');
}

function nextSteps(request: NewRequest, { office, limits }: MailContext): string[] {
  const status = `- Cek status kapan saja dengan nomor permintaan dan alamat email ini: ${statusUrl(office, request.reference)}`;
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
    '- Petugas membaca permintaan Anda dan membalas lewat email ini.',
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
      `Buka dan balas di ruang kerja petugas: ${context.workspaceOrigin}/petugas/permintaan/${request.reference}/`,
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

/** A staff reply, sent to the citizen when the request has an email. */
export function replyMails(
  request: StoredRequest,
  reply: string,
  status: StoredRequest['status'],
  { office, limits }: MailContext,
): NewMail[] {
  if (!request.email) return [];
  return [
    {
      to: request.email,
      purpose: 'reply',
      subject: `[${request.reference}] Balasan dari ${office.shortName}`,
      text: [
        `Yth. ${request.name ?? 'Bapak/Ibu'},`,
        '',
        reply,
        '',
        `Status permintaan ${request.reference}: ${STATUS_LABELS.id[status]}.`,
        ...(status === 'menunggu_pengguna'
          ? [
              `Balas email ini atau hubungi kami lewat WhatsApp. Percakapan ${autoCloseRule(limits)}.`,
            ]
          : []),
        `Riwayat lengkap: ${statusUrl(office, request.reference)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}
