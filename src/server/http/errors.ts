/**
 * The endpoint's error answers:
 * `{ "error": { "code": "validation_failed", "message": "…", "fields": { "email": "…" } } }`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BaseIssue } from 'valibot';
import { catalogueFor, fieldErrors, type Language } from '../../schemas/messages.ts';

const UNPROCESSABLE = {
  id: 'Formulir belum dapat diproses. Muat ulang halaman lalu kirim lagi.',
  en: 'The form could not be processed. Reload the page and send it again.',
};

const messages = {
  validation_failed: {
    id: 'Ada isian yang perlu diperbaiki.',
    en: 'Some answers need to be corrected.',
  },
  // What went wrong technically is in the code (malformed_json, invalid_encoding…); the
  // citizen reads only what to do about it.
  malformed_json: UNPROCESSABLE,
  invalid_encoding: UNPROCESSABLE,
  invalid_idempotency_key: UNPROCESSABLE,
  unsupported_media_type: UNPROCESSABLE,
  payload_too_large: {
    id: 'Isian Anda terlalu panjang untuk dikirim. Persingkat teksnya lalu kirim lagi.',
    en: 'What you typed is too long to send. Shorten it and send it again.',
  },
  rate_limited: {
    id: 'Terlalu banyak pengiriman dari alamat Anda. Coba lagi sebentar lagi.',
    en: 'Too many submissions from your address. Please try again shortly.',
  },
  forbidden_origin: {
    id: 'Formulir ini hanya dapat dikirim dari situs resmi layanan.',
    en: 'This form can only be sent from the service’s own website.',
  },
  not_found: {
    id: 'Data yang dicari tidak ditemukan.',
    en: 'Nothing was found.',
  },
  status_not_found: {
    id: 'Nomor permintaan dan alamat email tidak cocok dengan permintaan mana pun. Periksa keduanya lalu coba lagi.',
    en: 'The reference number and email address do not match any request. Check both and try again.',
  },
  link_expired: {
    id: 'Tautan ini tidak berlaku lagi. Masukkan nomor permintaan dan alamat email Anda untuk melihat permintaan.',
    en: 'This link no longer works. Enter your reference number and email address to see the request.',
  },
  request_closed: {
    id: 'Permintaan ini sudah selesai, jadi pesan tidak dapat dikirim lagi. Ajukan permintaan baru; nomor permintaan ini kami cantumkan sebagai permintaan sebelumnya.',
    en: 'This request is closed, so no more messages can be sent. Send a new request; we will name this one as the earlier request.',
  },
  already_rated: {
    id: 'Permintaan ini sudah dinilai. Terima kasih atas penilaian Anda.',
    en: 'This request has been rated already. Thank you for your rating.',
  },
  meeting_gone: {
    id: 'Pertemuan ini sudah dipilih atau dibatalkan. Lihat keadaan terbarunya di percakapan.',
    en: 'This meeting has been chosen or cancelled already. See its latest state in the conversation.',
  },
  unauthorized: {
    id: 'Token petugas tidak ada atau salah.',
    en: 'The staff token is missing or wrong.',
  },
  request_erased: {
    id: 'Data pribadi permintaan ini sudah dihapus, jadi balasan tidak dapat dikirim kepada warga.',
    en: 'The personal data of this request has been erased, so no reply can be sent to the citizen.',
  },
  invalid_transition: {
    id: 'Status permintaan tidak dapat diubah seperti itu.',
    en: 'The request’s status cannot be changed that way.',
  },
  unavailable: {
    id: 'Formulir belum dapat disimpan karena server sedang sibuk. Isian Anda tetap ada; coba kirim lagi dalam beberapa detik.',
    en: 'The form could not be saved because the server is busy. What you typed is kept; send it again in a few seconds.',
  },
  service_unavailable: {
    id: 'Layanan sedang tidak tersedia. Coba lagi dalam beberapa saat.',
    en: 'The service is unavailable. Please try again in a moment.',
  },
  internal_error: {
    id: 'Terjadi kesalahan di server. Data Anda tidak hilang; coba kirim lagi.',
    en: 'Something went wrong on the server. Nothing you typed is lost; please send it again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof messages;

export const ERROR_CODES = Object.keys(messages) as ErrorCode[];

export function errorMessage(code: ErrorCode, language: Language): string {
  return messages[code][language];
}

export function errorBody(code: ErrorCode, language: Language, fields?: Record<string, string>) {
  return { error: { code, message: errorMessage(code, language), ...(fields ? { fields } : {}) } };
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  language: Language,
  fields?: Record<string, string>,
): Response {
  return c.json(errorBody(code, language, fields), status);
}

/** `validation_failed` with one message per field, from valibot's issues. */
export function validationError(
  c: Context,
  status: 400 | 422,
  issues: readonly BaseIssue<unknown>[],
  language: Language,
): Response {
  return jsonError(
    c,
    status,
    'validation_failed',
    language,
    fieldErrors(issues, catalogueFor(language)),
  );
}
