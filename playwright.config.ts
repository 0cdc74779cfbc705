import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4373);
export const baseURL = `http://127.0.0.1:${PORT}`;
// The workspace specs run against a server of their own: they expect the newest request at
// the top of the inbox, which the form specs running beside them would otherwise change.
const STAFF_PORT = PORT + 1;
export const staffBaseURL = `http://127.0.0.1:${STAFF_PORT}`;
// The reports read a seeded month of requests, visits and ratings, overdue ones among them,
// which would otherwise sit at the top of the workspace specs' inbox.
const REPORTS_PORT = PORT + 2;
export const reportsBaseURL = `http://127.0.0.1:${REPORTS_PORT}`;

// A fresh database per run. The config is evaluated again in each worker; the workers
// inherit the variable, so tests that open the database find the server's file.
if (!process.env.E2E_DATA_DIR) {
  mkdirSync('.tmp', { recursive: true });
  process.env.E2E_DATA_DIR = mkdtempSync(join('.tmp', 'e2e-data-'));
  process.env.E2E_STAFF_DATA_DIR = mkdtempSync(join('.tmp', 'e2e-staff-data-'));
  process.env.E2E_REPORTS_DATA_DIR = mkdtempSync(join('.tmp', 'e2e-reports-data-'));
}
export const dataDir = process.env.E2E_DATA_DIR;
export const staffDataDir = process.env.E2E_STAFF_DATA_DIR as string;
export const reportsDataDir = process.env.E2E_REPORTS_DATA_DIR as string;

// Playwright cannot download its browsers here; Debian's chromium is used instead.
function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath(),
    // Without the background-networking flags Chromium keeps dialling Google hosts that this
    // machine's closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export const serverEnv = {
  HOST: '127.0.0.1',
  STAFF_TOKEN: 'e2e-staff-token-0123456789abcdef',
  // The form tests post more than a citizen would in a minute.
  RATE_LIMIT_PER_MINUTE: '0',
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /workspace.*\.spec\.ts/, use: browser },
    {
      name: 'workspace',
      testMatch: /workspace.*\.spec\.ts/,
      testIgnore: /workspace-reports\.spec\.ts/,
      // One at a time: each test expects its own request to be the newest.
      fullyParallel: false,
      use: { ...browser, baseURL: staffBaseURL },
    },
    {
      name: 'reports',
      testMatch: /workspace-reports\.spec\.ts/,
      fullyParallel: false,
      use: { ...browser, baseURL: reportsBaseURL },
    },
  ],
  webServer: [
    {
      command: 'npm start',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...serverEnv, PORT: String(PORT), DATA_DIR: dataDir },
    },
    {
      // Started after the first one is up, so the site is built once (SKIP_BUILD).
      command: 'npm start',
      url: `${staffBaseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...serverEnv, PORT: String(STAFF_PORT), DATA_DIR: staffDataDir, SKIP_BUILD: '1' },
    },
    {
      command: 'npm start',
      url: `${reportsBaseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...serverEnv, PORT: String(REPORTS_PORT), DATA_DIR: reportsDataDir, SKIP_BUILD: '1' },
    },
  ],
});
