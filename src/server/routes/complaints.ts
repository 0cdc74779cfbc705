/** POST /api/complaints */
import { Hono } from 'hono';
import { complaintSchema } from '../../schemas/complaint.ts';
import { saveRequest } from '../domain/intake.ts';
import type { Services } from '../services.ts';
import { submissionHandler } from '../http/submission.ts';

export function complaintRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: complaintSchema,
      kind: 'pengaduan',
      checkFillTime: true,
      save: (complaint, meta) => {
        const { category, description, identity, reference } = complaint;
        // The schema already dropped contact fields of an anonymous complaint.
        const contact =
          complaint.identity === 'anonim'
            ? {}
            : { name: complaint.name, email: complaint.email, phone: complaint.phone };
        return saveRequest(
          services,
          'pengaduan',
          { category, description, identity, relatedReference: reference, ...contact },
          meta,
        );
      },
    }),
  );
}
