/** POST /api/consultations */
import { Hono } from 'hono';
import { consultationSchema } from '../../schemas/consultation.ts';
import { CONSULTATION_FORM } from '../html/forms.ts';
import { saveRequest } from '../intake.ts';
import type { Services } from '../services.ts';
import { submissionHandler } from '../submission.ts';

export function consultationRoutes(services: Services): Hono {
  return new Hono().post(
    '/',
    submissionHandler(services, {
      schema: consultationSchema,
      form: CONSULTATION_FORM,
      checkFillTime: true,
      save: ({ consent: _consent, ...content }, meta) =>
        saveRequest(services, 'konsultasi', content, meta),
    }),
  );
}
