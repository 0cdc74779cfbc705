/** /api/staff/*: the staff API for integrations and scripts, one module per resource. */
import { Hono } from 'hono';
import { staffToken } from '../../http/staff-auth.ts';
import type { Services } from '../../services.ts';
import { erasureRoutes } from './erasure.ts';
import { exportRoutes } from './export.ts';
import { feedbackSummaryRoutes } from './feedback.ts';
import { outboxRoutes } from './outbox.ts';
import { requestRoutes } from './requests.ts';
import { searchGapRoutes } from './search-gaps.ts';
import { visitRoutes } from './visits.ts';

export function staffRoutes(services: Services): Hono {
  const routes = new Hono();
  routes.use('*', staffToken(services.config, services.clock));
  routes.route('/requests', requestRoutes(services));
  routes.route('/export.csv', exportRoutes(services));
  routes.route('/erasure', erasureRoutes(services));
  routes.route('/feedback', feedbackSummaryRoutes(services));
  routes.route('/outbox', outboxRoutes(services));
  routes.route('/search-gaps', searchGapRoutes(services));
  if (services.loket) routes.route('/kunjungan', visitRoutes(services, services.loket));
  return routes;
}
