/**
 * POST /api/search-events: the search page's report of a search (src/lib/search-events.ts),
 * sent with navigator.sendBeacon. Not a form, so not the submission path: no idempotency key,
 * no HTML answer, nothing to show. The same guards in the same order: origin, body (size,
 * type, encoding), rate per client address (a limiter of its own, so searching never uses up
 * the allowance of the forms), then the schema. The address is used for the limit only, in
 * memory, and never stored.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { searchEventSchema } from '../../schemas/search-event.ts';
import { countSearch } from '../domain/search-gaps.ts';
import { jsonError, validationError } from '../http/errors.ts';
import { readBody } from '../http/form-body.ts';
import { clientIp, isSameSiteOrAllowed } from '../http/guards.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { preferredLanguage } from '../http/language.ts';
import type { Services } from '../services.ts';

export function searchEventRoutes(services: Services): Hono {
  const { config, clock } = services;
  const limiter = createRateLimiter(config.rateLimitPerMinute, clock);
  return new Hono().post('/', async (c) => {
    const language = preferredLanguage(c.req.header('accept-language'));
    if (!isSameSiteOrAllowed(c, config)) return jsonError(c, 403, 'forbidden_origin', language);
    const body = await readBody(c.req);
    if (!body.ok) return jsonError(c, body.status, body.code, language);
    const wait = limiter.hit(clientIp(c, config));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'rate_limited', language);
    }
    const parsed = v.safeParse(searchEventSchema, body.values);
    if (!parsed.success) return validationError(c, 422, parsed.issues, language);
    await countSearch(services, parsed.output);
    // A beacon reads no answer; 204 says "taken" without a body to send.
    return c.body(null, 204);
  });
}
