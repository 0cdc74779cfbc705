/** What createApp is built from, and what its route modules receive. */
import type { ReplyTemplate } from '../content-schemas/load.ts';
import type { Loket } from '../content-schemas/loket.ts';
import type { Office } from '../content-schemas/office.ts';
import type { Standard } from '../content-schemas/standard.ts';
import { cutoffMinutes, type DueDateRule } from '../lib/working-days.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { PageLook } from './pages/PageShell.tsx';
import type { RateLimiter } from './http/rate-limit.ts';
import type { MailContext } from './mail/compose.ts';
import type { Mailer } from './mail/transport.ts';
import type { Store } from './storage/store.ts';
import type { QueueEvents } from './domain/queue-events.ts';

export interface AppDeps {
  store: Store;
  clock: Clock;
  /** null when SMTP_URL is unset: mail then waits in the outbox, visible to staff. */
  mailer: Mailer | null;
  config: Config;
  office: Office;
  /** Holiday dates from content/holidays.yaml. */
  holidays: ReadonlySet<string>;
  /** The published standard: its numbers (working days, minutes, auto-close days). */
  standard: Standard;
  /** Reply templates for officers (content/balasan/). */
  replyTemplates: readonly ReplyTemplate[];
  /** The walk-in desk (content/loket.yaml); absent or null: the walk-in pages answer 404. */
  loket?: Loket | null;
}

export interface Services extends AppDeps {
  limiter: RateLimiter;
  /** Starts sending queued mail now instead of at the next sweep; never throws. */
  nudgeOutbox(): void;
  /** Changes of the walk-in queue, for the display's stream (one process; see routes/queue.ts). */
  queueEvents: QueueEvents;
}

/** How the endpoint's own HTML pages look; `siteOrigin` is where their links lead back to. */
export function pageLook(services: Services, siteOrigin = ''): PageLook {
  return { office: services.office, stylesheets: services.config.stylesheets, siteOrigin };
}

/** The due-date rule: the standard's working days and the office's cut-off, if it has one. */
export function dueDateRule(deps: Pick<AppDeps, 'standard' | 'office'>): DueDateRule {
  return {
    workingDays: deps.standard.limits.onlineWorkingDays,
    closingMinutes: cutoffMinutes(deps.office.requestCutoff),
  };
}

/** What the mail texts read: the office and the standard's numbers. */
export function mailContext(deps: Pick<AppDeps, 'standard' | 'office' | 'config'>): MailContext {
  return {
    office: deps.office,
    limits: deps.standard.limits,
    // The workspace is served by the endpoint: its own origin when the site is hosted apart.
    endpointOrigin: deps.config.formEndpointOrigin ?? deps.office.siteUrl,
  };
}
