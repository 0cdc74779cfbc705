/**
 * The start: environment → content → store → app (+ static site) → serve, then the periodic
 * sweeps. SKIP_BUILD=1 serves dist/ as it is (tests spawn the server that way).
 */
import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { jakartaDateTime } from '../../lib/working-days.ts';
import { createApp } from '../app.ts';
import { buildIfStale } from './build-if-stale.ts';
import { linkSecret } from './link-secret.ts';
import { systemClock } from '../clock.ts';
import {
  ContentError,
  contentDir,
  loadHolidays,
  loadLoket,
  loadOffice,
  loadReplyTemplates,
  loadStandard,
} from '../../content-schemas/load.ts';
import { collectInlineHashes, siteStylesheets } from '../http/built-site.ts';
import { parseEnv } from '../env.ts';
import { deliverOutbox } from '../mail/deliver.ts';
import { smtpMailer } from '../mail/transport.ts';
import { inFlight } from '../http/in-flight.ts';
import { siteSlots } from '../http/page-slots.ts';
import { mountSite } from '../http/static-site.ts';
import { openStore as openConfiguredStore } from '../storage/open-store.ts';
import { dropUnconfirmed } from '../domain/registration.ts';
import { followUpConversations, purgeExpiredData, remindMeetings } from '../domain/sweeps.ts';

const DIST_DIR = 'dist';
const MAIL_EVERY_MS = 5_000;
const IDLE_CHECK_EVERY_MS = 15 * 60_000;
const PURGE_EVERY_MS = 6 * 60 * 60_000;

/** The content, validated; a file that does not match its schema stops the start, named. */
function readContent() {
  const dir = contentDir();
  try {
    return {
      office: loadOffice(dir),
      holidays: loadHolidays(dir),
      standard: loadStandard(dir),
      replyTemplates: loadReplyTemplates(dir),
      loket: loadLoket(dir),
    };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`Isi situs tidak valid:\n${error.message}`);
    process.exit(1);
  }
}

const { office, holidays, standard, replyTemplates, loket } = readContent();
const env = parseEnv(process.env, office);
if (!env.ok) {
  console.error(
    `Variabel lingkungan tidak valid:\n${env.problems.map((problem) => `- ${problem}`).join('\n')}`,
  );
  process.exit(1);
}
const { settings } = env;

const year = jakartaDateTime(new Date()).date.slice(0, 4);
if (![...holidays].some((date) => date.startsWith(year))) {
  console.warn(
    `content/holidays.yaml belum berisi tanggal tahun ${year}: batas waktu hanya melewati Sabtu dan Minggu.`,
  );
}

if (!settings.skipBuild) buildIfStale(DIST_DIR);

mkdirSync(settings.dataDir, { recursive: true });
/** The store; a database that cannot be opened or migrated stops the start, saying why. */
async function openStore() {
  try {
    return await openConfiguredStore(settings);
  } catch (error) {
    console.error(
      `Basis data tidak dapat dibuka: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}

const store = await openStore();
const mailer = settings.smtpUrl ? smtpMailer(settings.smtpUrl, settings.config.mailFrom) : null;
const clock = systemClock;
const config = {
  ...settings.config,
  linkSecret: linkSecret(settings.linkSecret, settings.dataDir),
  inlineHashes: collectInlineHashes(DIST_DIR),
  stylesheets: siteStylesheets(DIST_DIR),
};

const deps = { store, clock, mailer, config, office, holidays, standard, replyTemplates, loket };
const app = createApp(deps);
// After the API routes, so /api/* never reaches the static files, and inside createApp's
// security headers, so static pages get them too.
mountSite(app, DIST_DIR, siteSlots(deps), clock);

const requests = inFlight();
const server = serve(
  { fetch: requests.track(app.fetch), hostname: settings.host, port: settings.port },
  (info) => {
    console.log(`Situs berjalan di http://${info.address}:${info.port}/`);
  },
);

/**
 * Runs `task` now and every `everyMs`, never two at once, in this instance or in another
 * sharing the database (Store.runAlone); logs counts, never personal data.
 */
function every(name: string, everyMs: number, task: () => Promise<string | null>): NodeJS.Timeout {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await store.runAlone(name, task);
      if (report) console.log(`${name}: ${report}`);
    } catch (error) {
      console.error(`${name} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    } finally {
      running = false;
    }
  };
  void run();
  return setInterval(run, everyMs);
}

const timers = [
  every('percakapan', IDLE_CHECK_EVERY_MS, async () => {
    const { reminded, closed } = await followUpConversations(deps);
    const meetings = await remindMeetings(deps);
    const dropped = await dropUnconfirmed(deps);
    const report = [
      reminded.length > 0 ? `${reminded.length} diingatkan` : '',
      closed.length > 0 ? `${closed.length} ditutup otomatis` : '',
      meetings > 0 ? `${meetings} pengingat pertemuan` : '',
      dropped > 0 ? `${dropped} dibatalkan (email tidak dikonfirmasi)` : '',
    ].filter(Boolean);
    return report.length > 0 ? report.join(', ') : null;
  }),
  every('retensi', PURGE_EVERY_MS, async () => {
    const erased = await purgeExpiredData({ store, clock, retentionDays: office.retentionDays });
    return erased > 0 ? `data pribadi ${erased} permintaan dihapus` : null;
  }),
];
if (mailer) {
  timers.push(
    every('email', MAIL_EVERY_MS, async () => {
      const { sent, failed } = await deliverOutbox({
        store,
        mailer,
        clock,
        linkSecret: config.linkSecret,
      });
      return sent + failed > 0 ? `${sent} terkirim, ${failed} gagal (dicoba lagi nanti)` : null;
    }),
  );
}

// Long enough for a write caught behind a lock (BUSY_TIMEOUT_MS) to be answered.
const SHUTDOWN_WAIT_MS = 5_000;

/** New connections are refused; requests under way finish and their writes commit; then exit. */
async function shutdown(): Promise<void> {
  for (const timer of timers) clearInterval(timer);
  server.close();
  await requests.settled(SHUTDOWN_WAIT_MS);
  // The waiting-room displays' event streams stay open until they are cut.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
