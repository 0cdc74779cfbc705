/** POST /api/status: a citizen looks up their request by reference and email. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { FORMS } from '../../lib/forms.ts';
import type { Language } from '../../schemas/messages.ts';
import { statusQuerySchema, type StatusAnswer } from '../../schemas/status.ts';
import { STATUS_LABELS } from '../domain/lifecycle.ts';
import { errorBody, errorMessage } from '../http/errors.ts';
import { receive, unavailable, validationFailed } from '../http/submission.ts';
import { renderFormPage } from '../pages/FormPage.tsx';
import { pageLook, type Services } from '../services.ts';
import { StoreUnavailableError, type HistoryEntry, type StoredRequest } from '../storage/store.ts';

/**
 * What the citizen sees of the history: each status change and every reply, without the
 * staff's internal notes or entries that changed neither.
 */
function visibleHistory(history: readonly HistoryEntry[]) {
  return history.filter(
    (entry, index) =>
      entry.reply !== null || index === 0 || entry.status !== history[index - 1].status,
  );
}

function answerFor(
  request: StoredRequest,
  history: readonly HistoryEntry[],
  language: Language,
): StatusAnswer {
  const labels = STATUS_LABELS[language];
  return {
    reference: request.reference,
    kind: request.kind,
    kindLabel: FORMS[request.kind].label,
    status: request.status,
    statusLabel: labels[request.status],
    dueDate: request.dueDate,
    receivedAt: request.createdAt,
    history: visibleHistory(history).map(({ at, status, reply }) => ({
      at,
      status,
      statusLabel: labels[status],
      reply,
    })),
    rating:
      request.status === 'selesai' && request.kind === 'konsultasi'
        ? {
            href: `${FORMS.penilaian.page}?ref=${encodeURIComponent(request.reference)}`,
            label: FORMS.penilaian.link,
          }
        : null,
  };
}

export function statusRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const received = await receive(c, services, 'status');
    if (received instanceof Response) return received;
    const parsed = v.safeParse(statusQuerySchema, received.values);
    if (!parsed.success) return validationFailed(c, services, 'status', received, parsed.issues);

    const { reference, email } = parsed.output;
    let request: StoredRequest | null;
    let history: HistoryEntry[] = [];
    try {
      request = await services.store.findRequest(reference);
      if (request) history = await services.store.history(request.id);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return unavailable(c, services, 'status', received, error);
    }
    const look = pageLook(services, received.siteOrigin);
    const backHref = FORMS.status.page;
    // The same answer for an unknown reference and a wrong email: nothing to probe. An
    // anonymous complaint is found by its number alone; any other request needs its email,
    // and once its personal data is erased it is not found at all.
    const anonymous = request?.kind === 'pengaduan' && request.identity === 'anonim';
    const found =
      request && (anonymous ? email === undefined : !request.erasedAt && request.email === email);
    if (!request || !found) {
      if (!received.html) return c.json(errorBody('status_not_found', received.language), 404);
      const errors = { reference: errorMessage('status_not_found', 'id') };
      return c.html(
        renderFormPage({ kind: 'status', values: received.values, errors, look, backHref }),
        404,
      );
    }

    // The HTML page is Indonesian, like the site; JSON follows Accept-Language.
    const answer = answerFor(request, history, received.html ? 'id' : received.language);
    if (!received.html) return c.json(answer);
    return c.html(
      renderFormPage({ kind: 'status', values: received.values, look, backHref, answer }),
    );
  });
}
