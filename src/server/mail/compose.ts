/**
 * The texts of the mails the endpoint sends, in Indonesian, plain text only (nothing a
 * citizen typed can become markup in a mail client). Subjects carry only the reference, never
 * typed text. Office facts come from content/office.yaml.
 */
import type { Office } from '../../content-schemas/office.ts';
import { formatDate, STANDARD_DUE_DATE_RULE } from '../../lib/working-days.ts';
import {
  CATEGORY_LABELS,
  IDENTITY_LABELS,
  type Category,
  type Identity,
} from '../../schemas/complaint.ts';
import { CHANNEL_LABELS, type Channel } from '../../schemas/consultation.ts';
import { AUTO_CLOSE_DAYS, KIND_LABELS, STATUS_LABELS } from '../lifecycle.ts';
import type { NewMail, NewRequest, StoredRequest } from '../storage/store.ts';

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

function acknowledgement(request: NewRequest, office: Office): NewMail {
  const kind = KIND_LABELS[request.kind].toLowerCase();
  return {
    to: request.email ?? '',
    subject: `[${request.reference}] ${KIND_LABELS[request.kind]} Anda sudah kami terima`,
    text: [
      `Yth. ${request.name ?? 'Bapak/Ibu'},`,
      '',
      `Terima kasih. ${KIND_LABELS[request.kind]} Anda sudah kami terima.`,
      '',
      `Nomor rujukan: ${request.reference}`,
      `Dijawab paling lambat: ${formatDate(request.dueDate)} (${STANDARD_DUE_DATE_RULE.workingDays} hari kerja)`,
      '',
      'Apa yang terjadi selanjutnya:',
      `- Petugas membaca ${kind} Anda dan menjawab paling lambat pada tanggal di atas.`,
      `- Cek status kapan saja dengan nomor rujukan dan alamat email ini: ${statusUrl(office, request.reference)}`,
      `- Jika petugas meminta keterangan dan Anda tidak menanggapi selama ${AUTO_CLOSE_DAYS} hari, permintaan ditutup otomatis.`,
      '',
      signature(office),
    ].join('\n'),
  };
}

function staffNotification(request: NewRequest, office: Office, staffEmail: string): NewMail {
  const lines =
    request.kind === 'konsultasi'
      ? [
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
            ? ['RAHASIA: jangan teruskan identitas pelapor kepada pihak yang diadukan.']
            : []),
          ...(request.identity === 'anonim'
            ? []
            : [
                `Nama: ${request.name}`,
                `Email: ${request.email}`,
                `HP/WhatsApp: ${request.phone ?? '-'}`,
              ]),
          `Kategori: ${CATEGORY_LABELS[request.category as Category] ?? request.category}`,
          `Rujukan terkait: ${request.relatedReference ?? '-'}`,
          '',
          'Isi pengaduan:',
          request.description ?? '',
        ];
  return {
    to: staffEmail,
    subject: `${KIND_LABELS[request.kind]} baru ${request.reference} (batas ${request.dueDate})`,
    text: [
      `${KIND_LABELS[request.kind]} baru masuk lewat situs ${office.shortName}.`,
      '',
      `Nomor rujukan: ${request.reference}`,
      `Batas jawaban: ${formatDate(request.dueDate)}`,
      ...lines,
      '',
      'Balas dan ubah status lewat API petugas (/api/staff/requests), lihat README.',
    ].join('\n'),
  };
}

/** Acknowledgement to the citizen (when there is an email) and notice to staff; none for spam. */
export function newRequestMails(
  request: NewRequest,
  office: Office,
  staffEmail: string,
): NewMail[] {
  if (request.spam) return [];
  const toStaff = staffNotification(request, office, staffEmail);
  return request.email ? [acknowledgement(request, office), toStaff] : [toStaff];
}

/** A staff reply, sent to the citizen when the request has an email. */
export function replyMails(
  request: StoredRequest,
  reply: string,
  status: StoredRequest['status'],
  office: Office,
): NewMail[] {
  if (!request.email) return [];
  return [
    {
      to: request.email,
      subject: `[${request.reference}] Balasan dari ${office.shortName}`,
      text: [
        `Yth. ${request.name ?? 'Bapak/Ibu'},`,
        '',
        reply,
        '',
        `Status permintaan ${request.reference}: ${STATUS_LABELS.id[status]}.`,
        ...(status === 'menunggu_pengguna'
          ? [
              `Mohon tanggapi dalam ${AUTO_CLOSE_DAYS} hari; setelah itu permintaan ditutup otomatis.`,
            ]
          : []),
        `Riwayat lengkap: ${statusUrl(office, request.reference)}`,
        '',
        signature(office),
      ].join('\n'),
    },
  ];
}
