/**
 * Messages for the form schemas. The schemas carry only a key (e.g. "email.invalid"); the
 * endpoint and the islands turn it into text with one language's catalogue, so an island
 * bundles only the language of its page. Wording follows the GOV.UK error-message pattern:
 * say what to do, not what is wrong.
 */
import { getDotPath, type BaseIssue } from 'valibot';

export type Language = 'id' | 'en';

export const MESSAGES_ID = {
  'field.invalid': 'Periksa kembali isian ini',
  'text.invalid': 'Isian ini harus berupa teks',
  'text.characters': 'Hapus karakter yang tidak dapat ditampilkan dari isian ini',
  'name.required': 'Masukkan nama Anda',
  'name.tooLong': 'Nama harus {max} karakter atau kurang',
  'name.link': 'Tulis nama Anda saja, tanpa alamat situs web atau email',
  'email.required': 'Masukkan alamat email Anda',
  'email.invalid': 'Masukkan alamat email dengan format yang benar, seperti nama@contoh.com',
  'email.tooLong': 'Alamat email harus {max} karakter atau kurang',
  'phone.invalid': 'Masukkan nomor HP dengan angka saja, seperti 0812 3456 7890',
  'phone.tooLong': 'Nomor HP harus {max} karakter atau kurang',
  'topic.required': 'Masukkan topik konsultasi',
  'topic.tooLong': 'Topik harus {max} karakter atau kurang',
  'question.required': 'Tuliskan pertanyaan Anda',
  'question.tooLong': 'Pertanyaan harus {max} karakter atau kurang',
  'channel.required': 'Pilih cara tindak lanjut yang Anda inginkan',
  'consent.required': 'Centang persetujuan pemrosesan data pribadi untuk melanjutkan',
  'category.required': 'Pilih kategori pengaduan',
  'description.required': 'Tuliskan isi pengaduan Anda',
  'description.tooLong': 'Isi pengaduan harus {max} karakter atau kurang',
  'identity.required': 'Pilih apakah identitas Anda terbuka, rahasia atau anonim',
  'reference.required': 'Masukkan nomor permintaan, seperti KS-2611-7K3QX9',
  'reference.invalid': 'Masukkan nomor permintaan dengan format yang benar, seperti KS-2611-7K3QX9',
  'reference.tooLong': 'Nomor permintaan harus {max} karakter atau kurang',
  'answer.required': 'Pilih salah satu nilai dari 1 sampai 4',
  'comment.tooLong': 'Komentar harus {max} karakter atau kurang',
  'page.invalid': 'Alamat halaman tidak dikenali',
  'helpful.required': 'Pilih Ya atau Tidak',
  'message.required': 'Tuliskan pesan Anda untuk petugas',
  'message.tooLong': 'Pesan harus {max} karakter atau kurang',
  'slot.required': 'Pilih salah satu waktu pertemuan',
  'reason.required': 'Tuliskan alasan pembatalan',
  'reason.tooLong': 'Alasan harus {max} karakter atau kurang',
  'purpose.required': 'Pilih keperluan kunjungan Anda',
  'institution.tooLong': 'Instansi atau pekerjaan harus {max} karakter atau kurang',
  'visitTopic.required': 'Tuliskan singkat apa yang ingin Anda tanyakan',
} as const;

type FormMessageKey = keyof typeof MESSAGES_ID;

// The staff API's own messages, kept apart so the islands do not carry them.
const STAFF_MESSAGES_ID = {
  'reply.required': 'Tuliskan balasan untuk warga',
  'reply.tooLong': 'Balasan harus {max} karakter atau kurang',
  'note.tooLong': 'Catatan harus {max} karakter atau kurang',
  'status.invalid': 'Pilih status: baru, diproses, menunggu_pengguna atau selesai',
  'erasure.target': 'Isi salah satu: nomor permintaan atau alamat email',
} as const;

export type MessageKey = FormMessageKey | keyof typeof STAFF_MESSAGES_ID;

/** The form messages of one language, and possibly the staff API's. */
export type Catalogue = Readonly<Record<FormMessageKey, string>> &
  Readonly<Partial<Record<MessageKey, string>>>;

const STAFF_MESSAGES_EN: Record<keyof typeof STAFF_MESSAGES_ID, string> = {
  'reply.required': 'Enter a reply for the citizen',
  'reply.tooLong': 'Reply must be {max} characters or fewer',
  'note.tooLong': 'Note must be {max} characters or fewer',
  'status.invalid': 'Choose a status: baru, diproses, menunggu_pengguna or selesai',
  'erasure.target': 'Give either a reference number or an email address',
};

export const MESSAGES_EN: Record<FormMessageKey, string> = {
  'field.invalid': 'Check this answer',
  'text.invalid': 'This answer must be text',
  'text.characters': 'Remove the characters that cannot be displayed from this answer',
  'name.required': 'Enter your name',
  'name.tooLong': 'Name must be {max} characters or fewer',
  'name.link': 'Enter only your name, without a web address or email',
  'email.required': 'Enter your email address',
  'email.invalid': 'Enter an email address in the correct format, like name@example.com',
  'email.tooLong': 'Email address must be {max} characters or fewer',
  'phone.invalid': 'Enter a phone number using digits only, like 0812 3456 7890',
  'phone.tooLong': 'Phone number must be {max} characters or fewer',
  'topic.required': 'Enter the topic of your question',
  'topic.tooLong': 'Topic must be {max} characters or fewer',
  'question.required': 'Enter your question',
  'question.tooLong': 'Question must be {max} characters or fewer',
  'channel.required': 'Select how you would like us to follow up',
  'consent.required': 'Tick the consent to processing of personal data to continue',
  'purpose.required': 'Choose the purpose of your visit',
  'institution.tooLong': 'Institution or occupation must be {max} characters or fewer',
  'visitTopic.required': 'Write briefly what you would like to ask',
  'category.required': 'Select a complaint category',
  'description.required': 'Enter your complaint',
  'description.tooLong': 'Complaint must be {max} characters or fewer',
  'identity.required': 'Select whether your identity is open, confidential or anonymous',
  'reference.required': 'Enter the reference number, like KS-2611-7K3QX9',
  'reference.invalid': 'Enter a reference number in the correct format, like KS-2611-7K3QX9',
  'reference.tooLong': 'Reference number must be {max} characters or fewer',
  'answer.required': 'Select a value from 1 to 4',
  'comment.tooLong': 'Comment must be {max} characters or fewer',
  'page.invalid': 'The page address is not recognised',
  'helpful.required': 'Select Yes or No',
  'message.required': 'Enter your message for the officer',
  'message.tooLong': 'Message must be {max} characters or fewer',
  'slot.required': 'Choose one of the meeting times',
  'reason.required': 'Enter why you cancel',
  'reason.tooLong': 'The reason must be {max} characters or fewer',
};

/**
 * One language's messages with the staff API's, for the endpoint. A function, not a
 * module-level object: bundlers keep spread objects, and the islands would carry English.
 */
export function catalogueFor(language: Language): Catalogue {
  return language === 'en'
    ? { ...MESSAGES_EN, ...STAFF_MESSAGES_EN }
    : { ...MESSAGES_ID, ...STAFF_MESSAGES_ID };
}

/** The text for a message key; `{max}` is filled from the failed limit. */
export function messageText(key: string, catalogue: Catalogue, max?: unknown): string {
  const text = Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;
  return (text ?? catalogue['field.invalid']).replace('{max}', String(max));
}

/** One message per field (the first problem found), keyed by the field's name. */
export function fieldErrors(
  issues: readonly BaseIssue<unknown>[],
  catalogue: Catalogue,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = getDotPath(issue) ?? 'form';
    fields[field] ??= messageText(issue.message, catalogue, issue.requirement);
  }
  return fields;
}
