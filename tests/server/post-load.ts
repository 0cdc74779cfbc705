/**
 * A citizen's client under load, for the tests that break an instance or the database while
 * posts arrive: each post has its own idempotency key and address, and an answer is bounded
 * in time, so a hung request shows up as an outcome instead of a stuck test.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { fixture } from './harness.ts';

export type Outcome<Key extends string | null = string> =
  | { key: Key; status: number; retryAfter: string | null; body: unknown; ms: number }
  /** No HTTP answer: refused, reset, or no answer within the bound. */
  | { key: Key; status: null; failure: string; ms: number };

/** A post without a key (null) comes from an address of its own: acknowledgements to one are limited per hour. */
export async function postConsultation<Key extends string | null>(
  baseUrl: string,
  key: Key,
  timeoutMs: number,
): Promise<Outcome<Key>> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({
        ...fixture('consultation/valid.json'),
        email: `${key ?? randomUUID()}@contoh.co.id`,
      }),
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

export const acknowledged = (outcome: Outcome<string | null>) =>
  outcome.status === 201 || outcome.status === 200;

/** The reference an acknowledgement carries. */
export const referenceOf = (outcome: Outcome<string | null>) =>
  (outcome as { body: { reference: string } }).body.reference;

/**
 * The concurrency tests' mix: 250 keyed posts, 50 of them sent twice more, and 50 without a
 * key, in a random order, spread over `baseUrls` in turn: 400 posts, 300 distinct submissions.
 */
export function postReplayMix(
  baseUrls: readonly string[],
  prefix: string,
): Promise<(Outcome<string | null> & { server: number })[]> {
  const keyed = Array.from({ length: 250 }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
  const replays = keyed.slice(0, 50).flatMap((key) => [key, key]);
  const unkeyed = Array<null>(50).fill(null);
  const posts = [...keyed, ...replays, ...unkeyed].sort(() => Math.random() - 0.5);
  return Promise.all(
    posts.map(async (key, index) => {
      const server = index % baseUrls.length;
      return { ...(await postConsultation(baseUrls[server], key, 30_000)), server };
    }),
  );
}

/** Every post of the mix acknowledged; 300 created, one reference per key, 300 in all. */
export function expectOneRequestPerSubmission(outcomes: readonly Outcome<string | null>[]): void {
  expect(outcomes.every(acknowledged)).toBe(true);
  expect(outcomes.filter((outcome) => outcome.status === 201)).toHaveLength(300);
  const byKey = new Map<string, string>();
  for (const outcome of outcomes) {
    if (!outcome.key) continue;
    expect(byKey.get(outcome.key) ?? referenceOf(outcome)).toBe(referenceOf(outcome));
    byKey.set(outcome.key, referenceOf(outcome));
  }
  expect(new Set(outcomes.map(referenceOf)).size).toBe(300);
}
