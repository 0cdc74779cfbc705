/**
 * POST /api/status: a citizen opens their request by its number and email, or by the
 * personal link's key. JSON for the island, the status page drawn again for a plain post.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { FORMS } from '../../lib/forms.ts';
import { statusQuerySchema } from '../../schemas/status.ts';
import { answerFor, openRequest } from '../domain/citizen-view.ts';
import { errorBody, errorMessage } from '../http/errors.ts';
import { receive, unavailable, validationFailed } from '../http/submission.ts';
import { renderFormPage } from '../pages/FormPage.tsx';
import { pageLook, type Services } from '../services.ts';
import { StoreUnavailableError } from '../storage/store.ts';

export function statusRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const received = await receive(c, services, 'status');
    if (received instanceof Response) return received;
    const parsed = v.safeParse(statusQuerySchema, received.values);
    if (!parsed.success) return validationFailed(c, services, 'status', received, parsed.issues);

    // The HTML page is Indonesian, like the site; JSON follows Accept-Language.
    const language = received.html ? 'id' : received.language;
    let answer;
    try {
      const request = await openRequest(services, parsed.output);
      answer = request ? await answerFor(services, request, language) : null;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return unavailable(c, services, 'status', received, error);
    }
    const look = pageLook(services, received.siteOrigin);
    const backHref = FORMS.status.page;
    const code = parsed.output.kunci ? 'link_expired' : 'status_not_found';
    if (!answer) {
      if (!received.html) return c.json(errorBody(code, received.language), 404);
      const errors = { reference: errorMessage(code, 'id') };
      return c.html(
        renderFormPage({ kind: 'status', values: received.values, errors, look, backHref }),
        404,
      );
    }
    if (!received.html) return c.json(answer);
    return c.html(
      renderFormPage({ kind: 'status', values: received.values, look, backHref, answer }),
    );
  });
}
