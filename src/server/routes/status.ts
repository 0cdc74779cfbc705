/** POST /api/status: a citizen looks up their request by reference and email. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { statusQuerySchema } from '../../schemas/status.ts';
import { errorBody, errorMessage } from '../errors.ts';
import { STATUS_FORM } from '../html/forms.ts';
import { formErrorPage, statusPage } from '../html/pages.ts';
import { STATUS_LABELS } from '../lifecycle.ts';
import { pageLook, type Services } from '../services.ts';
import type { HistoryEntry } from '../storage/store.ts';
import { receive, validationFailed } from '../submission.ts';

/**
 * What the citizen sees of the history: each status change and every reply, without the
 * staff's internal notes or entries that changed neither.
 */
function visibleHistory(history: readonly HistoryEntry[]) {
  return history
    .filter(
      (entry, index) =>
        entry.reply !== null || index === 0 || entry.status !== history[index - 1].status,
    )
    .map(({ at, status, reply }) => ({ at, status, reply }));
}

export function statusRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const received = await receive(c, services, STATUS_FORM);
    if (received instanceof Response) return received;
    const parsed = v.safeParse(statusQuerySchema, received.values);
    if (!parsed.success) return validationFailed(c, services, STATUS_FORM, received, parsed.issues);

    const { reference, email } = parsed.output;
    const request = await services.store.findRequest(reference);
    // The same answer for an unknown reference and a wrong email: nothing to probe.
    if (!request || (request.email ?? undefined) !== email) {
      if (!received.html) return c.json(errorBody('status_not_found', received.language), 404);
      const errors = { reference: errorMessage('status_not_found', 'id') };
      return c.html(
        formErrorPage({
          form: STATUS_FORM,
          values: received.values,
          errors,
          look: pageLook(services),
          siteOrigin: received.siteOrigin,
        }),
        404,
      );
    }

    const history = visibleHistory(await services.store.history(request.id));
    if (received.html) {
      return c.html(
        statusPage({ request, history, look: pageLook(services), siteOrigin: received.siteOrigin }),
      );
    }
    const labels = STATUS_LABELS[received.language];
    return c.json({
      reference: request.reference,
      kind: request.kind,
      status: request.status,
      statusLabel: labels[request.status],
      dueDate: request.dueDate,
      receivedAt: request.createdAt,
      history: history.map((entry) => ({ ...entry, statusLabel: labels[entry.status] })),
    });
  });
}
