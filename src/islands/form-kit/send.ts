/** Posting a form as JSON to the endpoint and reading its answer. */

export type SendResult<Body> =
  | { kind: 'ok'; body: Body }
  /** The endpoint refused some fields; messages keyed by field name ("form" for the whole form). */
  | { kind: 'invalid'; errors: Record<string, string> }
  /** No answer: offline, or the connection broke. Nothing is known to be stored. */
  | { kind: 'unreachable' };

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

export async function sendJson<Body>(
  url: string,
  payload: unknown,
  idempotencyKey?: string,
): Promise<SendResult<Body>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: JSON.stringify(payload),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const body = (await response.json().catch(() => ({}))) as Body & ErrorBody;
  if (response.ok) return { kind: 'ok', body };
  if (response.status >= 500) return { kind: 'unreachable' };
  const fields = body.error?.fields ?? {};
  const message = body.error?.message ?? 'Formulir belum terkirim. Coba lagi sebentar lagi.';
  return { kind: 'invalid', errors: Object.keys(fields).length > 0 ? fields : { form: message } };
}
