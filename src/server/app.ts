/**
 * createApp: the endpoint as a Hono app built from its parts, so tests make their own over a
 * temporary database and a fake clock and call `app.request()`. main.ts adds the static site
 * after it and starts the periodic sweeps.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { FORMS } from '../lib/forms.ts';
import { SEARCH_EVENTS_ACTION } from '../lib/search-events.ts';
import { errorMessage, jsonError } from './http/errors.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { renderNoticePage } from './pages/NoticePage.tsx';
import { preferredLanguage } from './http/language.ts';
import { deliverOutbox } from './mail/deliver.ts';
import { createQueueEvents } from './domain/queue-events.ts';
import { accountRoutes } from './routes/account/index.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { consultationRoutes } from './routes/consultations.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { healthRoutes } from './routes/health.ts';
import { ikmRoutes } from './routes/ikm.ts';
import { performanceRoutes } from './routes/performance.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { searchEventRoutes } from './routes/search-events.ts';
import { staffRoutes } from './routes/staff/index.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { messageRoutes } from './routes/messages.ts';
import { statusRoutes } from './routes/status.ts';
import { workspaceRoutes } from './routes/workspace/index.ts';
import { queueRoutes } from './routes/queue.ts';
import { kioskRoutes } from './routes/walk-in/kiosk.ts';
import { queuePageRoutes } from './routes/walk-in/queue-pages.ts';
import { securityHeaders } from './http/security-headers.ts';
import { pageLook, type AppDeps, type Services } from './services.ts';
import { StoreUnavailableError } from './storage/store.ts';

export function createApp(deps: AppDeps): Hono {
  const { config, mailer } = deps;
  const services: Services = {
    ...deps,
    limiter: createRateLimiter(config.rateLimitPerMinute, deps.clock),
    queueEvents: createQueueEvents(deps.store),
    nudgeOutbox: () => {
      // Failures are recorded per mail in the outbox and retried by the sweep in main.ts.
      if (mailer) deliverOutbox({ ...deps, mailer, linkSecret: config.linkSecret }).catch(() => {});
    },
  };

  const app = new Hono();
  app.use('*', securityHeaders(config));

  // Answers about people's requests must not sit in shared caches; routes that can be
  // cached (GET /api/ikm) say so themselves.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  app.route(FORMS.konsultasi.action, consultationRoutes(services));
  app.route(FORMS.pengaduan.action, complaintRoutes(services));
  app.route(FORMS.penilaian.action, ratingRoutes(services));
  app.route(FORMS['umpan-balik'].action, feedbackRoutes(services));
  app.route(FORMS.status.action, statusRoutes(services));
  app.route(FORMS.pesan.action, messageRoutes(services));
  app.route(FORMS.pertemuan.action, meetingRoutes(services));
  app.route(SEARCH_EVENTS_ACTION, searchEventRoutes(services));
  app.route('/api/health', healthRoutes(services));
  app.route('/api/ikm', ikmRoutes(services));
  const performance = performanceRoutes(services);
  app.route('/api/kinerja', performance.api);
  app.get('/kinerja', (c) => c.redirect('/kinerja/', 301));
  app.route('/kinerja/', performance.page);
  app.route('/api/staff', staffRoutes(services));
  // The walk-in desk, when the office has content/loket.yaml.
  if (services.loket) {
    app.route('/api/antrean', queueRoutes(services, services.loket));
    app.get('/loket', (c) => c.redirect('/loket/', 301));
    app.route('/loket/', kioskRoutes(services, services.loket));
    app.route('/antrean/', queuePageRoutes(services, services.loket));
  }
  app.get('/akun', (c) => c.redirect('/akun/', 301));
  app.route('/akun/', accountRoutes(services));
  app.get('/petugas', (c) => c.redirect('/petugas/', 301));
  app.route('/petugas/', workspaceRoutes(services));
  // Unknown API paths answer JSON here rather than falling through to the site's 404 page.
  app.all('/api/*', (c) =>
    jsonError(c, 404, 'not_found', preferredLanguage(c.req.header('accept-language'))),
  );

  app.onError((error, c) => {
    const language = preferredLanguage(c.req.header('accept-language'));
    if (error instanceof StoreUnavailableError) {
      console.error(`${c.req.method} ${c.req.path}: database unavailable (${error.code})`);
      c.header('Retry-After', '10');
      if ((c.req.header('accept') ?? '').includes('text/html')) {
        const message = errorMessage('service_unavailable', 'id');
        return c.html(
          renderNoticePage({
            title: 'Layanan sedang sibuk',
            message,
            backHref: '/',
            look: pageLook(services),
          }),
          503,
        );
      }
      return jsonError(c, 503, 'service_unavailable', language);
    }
    // The name and stack only: a message can quote input (e.g. a parser's), which may be personal data.
    console.error(
      `${c.req.method} ${c.req.path} failed: ${error.name}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`,
    );
    if ((c.req.header('accept') ?? '').includes('text/html')) {
      const message = errorMessage('internal_error', 'id');
      return c.html(
        renderNoticePage({
          title: 'Terjadi kesalahan',
          message,
          backHref: '/',
          look: pageLook(services),
        }),
        500,
      );
    }
    return jsonError(c, 500, 'internal_error', preferredLanguage(c.req.header('accept-language')));
  });

  return app;
}
