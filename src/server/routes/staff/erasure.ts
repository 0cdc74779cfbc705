/** /api/staff/erasure: UU 27/2022 (PDP) right to erasure, by request number or for an email. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { validBody } from '../../http/validated.ts';
import type { Services } from '../../services.ts';

const erasureSchema = v.pipe(
  v.object({
    reference: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase())),
    email: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase())),
  }),
  v.check((target) => Boolean(target.reference) !== Boolean(target.email), 'erasure.target'),
);

export function erasureRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const body = await validBody(c, erasureSchema);
    if (body instanceof Response) return body;
    const target = body.reference ? { reference: body.reference } : { email: body.email ?? '' };
    const at = services.clock.now().toISOString();
    const erased = await services.store.erasePersonalData(
      target,
      at,
      'petugas',
      'Data pribadi dihapus atas permintaan',
    );
    // The address itself is not written to the audit: it has just been erased.
    await services.store.audit({
      at,
      staffId: null,
      action: 'hapus-data',
      target: body.reference ?? 'email',
    });
    return c.json({ erased });
  });
}
