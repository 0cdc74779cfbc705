/**
 * The bad-input corpus (tests/fixtures/bad-inputs/*.json, described in its README): every
 * case gets a 4xx with a clear error and leaves every table as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, formFields, makeTestApp, type TestApp } from './harness.ts';

interface BadInput {
  name: string;
  path: string;
  base?: string;
  set?: Record<string, unknown>;
  unset?: string[];
  json?: Record<string, unknown>;
  encoding?: 'json' | 'form';
  repeat?: { field: string; text: string; times: number };
  raw?: string;
  rawBase64?: string;
  rawParts?: [string, number][];
  contentType?: string | null;
  headers?: Record<string, string>;
  status: number;
  code: string;
  field?: string;
}

const DIR = 'tests/fixtures/bad-inputs';
const corpus = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as BadInput[]] as const);

function body(input: BadInput): {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string | null;
} {
  const encoding = input.encoding ?? 'json';
  const defaultType =
    encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const contentType = input.contentType === undefined ? defaultType : input.contentType;
  if (input.raw !== undefined) return { body: input.raw, contentType };
  if (input.rawBase64 !== undefined)
    return { body: new Uint8Array(Buffer.from(input.rawBase64, 'base64')), contentType };
  if (input.rawParts)
    return {
      body: input.rawParts.map(([text, times]) => text.repeat(times)).join(''),
      contentType,
    };

  const values: Record<string, unknown> = {
    ...(input.base ? fixture(input.base) : input.json),
    ...input.set,
  };
  for (const name of input.unset ?? []) delete values[name];
  if (input.repeat) values[input.repeat.field] = input.repeat.text.repeat(input.repeat.times);
  const text =
    encoding === 'json'
      ? JSON.stringify(values)
      : new URLSearchParams(formFields(values)).toString();
  return { body: text, contentType };
}

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(() => t.close());

test('the corpus has at least 40 cases', () => {
  expect(corpus.flatMap(([, cases]) => cases).length).toBeGreaterThanOrEqual(40);
});

describe.each(corpus)('%s', (_file, cases) => {
  test.each(cases.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    const before = await t.counts();
    const { body: payload, contentType } = body(input);
    const response = await t.app.request(input.path, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(contentType === null ? {} : { 'content-type': contentType }),
        ...input.headers,
      },
      body: payload,
    });

    expect(response.status).toBe(input.status);
    const answer = await response.json();
    expect(answer.error.code).toBe(input.code);
    expect(answer.error.message).toMatch(/\S{3}/);
    if (input.field) expect(answer.error.fields?.[input.field]).toMatch(/\S{3}/);
    expect(await t.counts()).toEqual(before);
  });
});

test('after the whole corpus the tables are still empty and usable', async () => {
  expect(await t.counts()).toEqual({
    requests: 0,
    history: 0,
    outbox: 0,
    ratings: 0,
    feedback: 0,
    search_queries: 0,
  });
  const response = await t.app.request('/api/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fixture('feedback/valid.json')),
  });
  expect(response.status).toBe(201);
});
