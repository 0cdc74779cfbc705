/**
 * Which FAQ answers the service worker keeps on the device from the first visit: those an
 * editor marks `offline: true`, then the first by `order` among the unmarked until
 * OFFLINE_FAQ_PLACES are taken. `offline: false` is never kept in advance. The others are
 * kept once visited (src/service-worker/sw.ts).
 */

/**
 * One answer page weighs 8–10 KB uncompressed in the cache; ten of them are under 10% of the
 * 1 MB precache budget (src/integrations/service-worker.ts), whatever the FAQ's size.
 */
export const OFFLINE_FAQ_PLACES = 10;

export interface FaqForOffline {
  id: string;
  order: number;
  offline?: boolean;
}

export function offlineFaqs<Faq extends FaqForOffline>(faqs: readonly Faq[]): Faq[] {
  const byOrder = [...faqs].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const marked = byOrder.filter((faq) => faq.offline === true);
  const unmarked = byOrder.filter((faq) => faq.offline === undefined);
  const chosen = new Set([
    ...marked,
    ...unmarked.slice(0, Math.max(0, OFFLINE_FAQ_PLACES - marked.length)),
  ]);
  return byOrder.filter((faq) => chosen.has(faq));
}
