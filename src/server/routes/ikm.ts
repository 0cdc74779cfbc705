/** GET /api/ikm: the public satisfaction index (PermenPANRB 14/2017) from the ratings. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { IKM_ELEMENTS, ikmBand, ikmIndex, roundHundredths } from '../../lib/ikm.ts';
import { addDays, jakartaMidnight } from '../../lib/working-days.ts';
import { validationError } from '../http/errors.ts';
import { preferredLanguage } from '../http/language.ts';
import type { Services } from '../services.ts';

const date = v.optional(v.pipe(v.string(), v.isoDate('field.invalid')));
const periodSchema = v.object({ from: date, to: date });

export function ikmRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const parsed = v.safeParse(periodSchema, c.req.query());
    if (!parsed.success) {
      return validationError(
        c,
        400,
        parsed.issues,
        preferredLanguage(c.req.header('accept-language')),
      );
    }
    // from/to are inclusive calendar dates in Asia/Jakarta.
    const { from, to } = parsed.output;
    const { count, means } = await services.store.ratingMeans({
      from: from && jakartaMidnight(from).toISOString(),
      before: to && jakartaMidnight(addDays(to, 1)).toISOString(),
    });
    const index = count > 0 ? ikmIndex(means) : null;
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      count,
      from: from ?? null,
      to: to ?? null,
      index,
      band: index === null ? null : ikmBand(index),
      elements: IKM_ELEMENTS.map((element, i) => ({
        ...element,
        mean: count > 0 ? roundHundredths(means[i]) : null,
      })),
    });
  });
}
