/**
 * Reads a POST body as a flat record of fields, from JSON (islands, staff tools) or
 * application/x-www-form-urlencoded (plain HTML forms). Nothing else is accepted: forms must
 * not use multipart/form-data, as none of them uploads files.
 */
import type { HonoRequest } from 'hono';
import type { ErrorCode } from './errors.ts';

/** 32 KB: four times the longest valid submission (4,000 characters of up to 4 bytes, plus fields). */
export const BODY_LIMIT_BYTES = 32 * 1024;

type Encoding = 'json' | 'form';

export type BodyResult =
  | { ok: true; encoding: Encoding; values: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; code: ErrorCode };

const MEDIA_TYPES: Record<string, Encoding> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
};

/** The encoding the Content-Type names, or null when it is not one we read. */
function requestEncoding(contentType: string | undefined): Encoding | null {
  const [mediaType = '', ...parameters] = (contentType ?? '')
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return null;
  return MEDIA_TYPES[mediaType] ?? null;
}

/** The body's bytes, or null as soon as it exceeds the limit (a lying Content-Length included). */
async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > BODY_LIMIT_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// Unlike URLSearchParams, decodeURIComponent throws on %-escapes that are not UTF-8 instead
// of silently turning them into U+FFFD.
const decodeComponent = (part: string) => decodeURIComponent(part.replaceAll('+', ' '));

function parseUrlEncoded(text: string): Record<string, string> | null {
  const values: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const [rawName, rawValue] =
      separator === -1 ? [pair, ''] : [pair.slice(0, separator), pair.slice(separator + 1)];
    try {
      values[decodeComponent(rawName)] = decodeComponent(rawValue);
    } catch {
      return null;
    }
  }
  return values;
}

export async function readBody(request: HonoRequest): Promise<BodyResult> {
  const encoding = requestEncoding(request.header('content-type'));
  if (!encoding) return { ok: false, status: 415, code: 'unsupported_media_type' };
  if (Number(request.header('content-length')) > BODY_LIMIT_BYTES) {
    return { ok: false, status: 413, code: 'payload_too_large' };
  }
  const bytes = await readLimited(request.raw.body);
  if (!bytes) return { ok: false, status: 413, code: 'payload_too_large' };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, code: 'invalid_encoding' };
  }

  if (encoding === 'form') {
    const values = parseUrlEncoded(text);
    return values
      ? { ok: true, encoding, values }
      : { ok: false, status: 400, code: 'invalid_encoding' };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { ok: true, encoding, values: parsed as Record<string, unknown> };
    }
  } catch {
    // answered below
  }
  return { ok: false, status: 400, code: 'malformed_json' };
}
