/**
 * A citizen's client under load, for the tests that break an instance or the database while
 * posts arrive: each post has its own idempotency key and address, and an answer is bounded
 * in time, so a hung request shows up as an outcome instead of a stuck test.
 */
import { fixture } from './harness.ts';

export type Outcome =
  | { key: string; status: number; retryAfter: string | null; body: unknown; ms: number }
  /** No HTTP answer: refused, reset, or no answer within the bound. */
  | { key: string; status: null; failure: string; ms: number };

export async function postConsultation(
  baseUrl: string,
  key: string,
  timeoutMs: number,
): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ ...fixture('consultation/valid.json'), email: `${key}@contoh.co.id` }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json();
    return {
      key,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body,
      ms: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const failure =
      (error as Error).name === 'TimeoutError' ? 'timeout' : (cause?.code ?? String(error));
    return { key, status: null, failure, ms: performance.now() - started };
  }
}

export const acknowledged = (outcome: Outcome) => outcome.status === 201 || outcome.status === 200;

/** The reference an acknowledgement carries. */
export const referenceOf = (outcome: Outcome) =>
  (outcome as { body: { reference: string } }).body.reference;
