/** POST /api/consultations */
import { Hono } from 'hono';
import { consultationSchema } from '../../schemas/consultation.ts';
import { saveRequest } from '../domain/intake.ts';
import type { Services } from '../services.ts';
import { submissionHandler } from '../http/submission.ts';

export function consultationRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: consultationSchema,
      kind: 'konsultasi',
      checkFillTime: true,
      save: ({ consent: _consent, reference, ...content }, meta) =>
        saveRequest(services, 'konsultasi', { ...content, relatedReference: reference }, meta),
    }),
  );
}
