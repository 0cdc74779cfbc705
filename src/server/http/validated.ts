/** A request's body or query checked against a schema, or the error answer (JSON). */
import type { Context } from 'hono';
import * as v from 'valibot';
import { jsonError, validationError } from './errors.ts';
import { readBody } from './form-body.ts';
import { preferredLanguage } from './language.ts';

const language = (c: Context) => preferredLanguage(c.req.header('accept-language'));

/** The JSON (or urlencoded) body, validated; 4xx with the fields' messages otherwise. */
export async function validBody<T>(
  c: Context,
  schema: v.GenericSchema<unknown, T>,
): Promise<T | Response> {
  const body = await readBody(c.req);
  if (!body.ok) return jsonError(c, body.status, body.code, language(c));
  const parsed = v.safeParse(schema, body.values);
  return parsed.success ? parsed.output : validationError(c, 422, parsed.issues, language(c));
}

/** The query string, validated; 400 with the fields' messages otherwise. */
export function validQuery<T>(c: Context, schema: v.GenericSchema<unknown, T>): T | Response {
  const parsed = v.safeParse(schema, c.req.query());
  return parsed.success ? parsed.output : validationError(c, 400, parsed.issues, language(c));
}
