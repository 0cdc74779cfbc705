/**
 * The endpoint's error answers:
 * `{ "error": { "code": "validation_failed", "message": "…", "fields": { "email": "…" } } }`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BaseIssue } from 'valibot';
import { catalogueFor, fieldErrors, type Language } from '../schemas/messages.ts';

const messages = {
  validation_failed: {
    id: 'Ada isian yang perlu diperbaiki.',
    en: 'Some answers need to be corrected.',
  },
  malformed_json: {
    id: 'Isi permintaan bukan objek JSON yang valid.',
    en: 'The request body is not a valid JSON object.',
  },
  invalid_encoding: {
    id: 'Isi permintaan harus berupa teks UTF-8.',
    en: 'The request body must be UTF-8 text.',
  },
  invalid_idempotency_key: {
    id: 'Idempotency-Key harus 8–100 karakter: huruf, angka, "-" atau "_".',
    en: 'Idempotency-Key must be 8–100 characters: letters, digits, "-" or "_".',
  },
  payload_too_large: {
    id: 'Isi permintaan terlalu besar (paling banyak 32 KB).',
    en: 'The request body is too large (32 KB at most).',
  },
  unsupported_media_type: {
    id: 'Kirim formulir sebagai application/json atau application/x-www-form-urlencoded (UTF-8).',
    en: 'Send the form as application/json or application/x-www-form-urlencoded (UTF-8).',
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
    id: 'Nomor rujukan dan alamat email tidak cocok dengan permintaan mana pun. Periksa keduanya lalu coba lagi.',
    en: 'The reference number and email address do not match any request. Check both and try again.',
  },
  unauthorized: {
    id: 'Token petugas tidak ada atau salah.',
    en: 'The staff token is missing or wrong.',
  },
  invalid_transition: {
    id: 'Status permintaan tidak dapat diubah seperti itu.',
    en: 'The request’s status cannot be changed that way.',
  },
  unavailable: {
    id: 'Layanan sedang tidak tersedia. Coba lagi nanti.',
    en: 'The service is unavailable. Please try again later.',
  },
  internal_error: {
    id: 'Terjadi kesalahan di server. Data Anda tidak hilang; coba kirim lagi.',
    en: 'Something went wrong on the server. Nothing you typed is lost; please send it again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof messages;

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
