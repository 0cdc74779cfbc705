import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  examples,
  fillConsultation,
  hydrated,
  openedAMinuteAgo,
  shownReference,
  stored,
  uniqueText,
} from './form-fixtures.ts';
import { expectNoAxeViolations, waitForServiceWorker } from './support.ts';

/** Opens the consultation form, fills it with a question no other test sends, and reaches the check step. */
async function consultationReadyToSend(page: Page, testInfo: TestInfo): Promise<string> {
  await openedAMinuteAgo(page);
  await page.goto('/konsultasi/');
  await waitForServiceWorker(page);
  await hydrated(page);
  const question = uniqueText(testInfo, examples.consultation.question);
  await fillConsultation(page, { ...examples.consultation, question });
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(page.getByRole('heading', { name: 'Periksa jawaban Anda' })).toBeVisible();
  return question;
}

const queuedNotice = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'tersimpan di perangkat ini' });
const confirmation = /\/konsultasi\/terkirim\/\?ref=KS-\d{4}-[0-9A-Z]{6}&due=\d{4}-\d{2}-\d{2}$/;

test('a consultation sent offline waits on the device, shows on /status/, and is stored once back online', async ({
  page,
  context,
}, testInfo) => {
  const question = await consultationReadyToSend(page, testInfo);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();

  await expect(queuedNotice(page)).toContainText('dikirim otomatis');
  const provisional = (await queuedNotice(page).locator('.reference').textContent()) ?? '';
  expect(provisional).toMatch(/^TERTUNDA-[0-9A-F]{6}$/);
  await expectNoAxeViolations(page);
  expect(await stored.requestsWithQuestion(question)).toHaveLength(0);

  // Another page of the site, opened offline, lists it as waiting.
  const status = await context.newPage();
  await status.goto('/status/');
  await expect(status.getByRole('region', { name: 'Dikirim dari perangkat ini' })).toContainText(
    `${provisional}: menunggu koneksi`,
  );

  await context.setOffline(false);
  await page.waitForURL(confirmation);
  const rows = await stored.requestsWithQuestion(question);
  expect(rows).toHaveLength(1);
  expect(rows[0].spam).toBe(false);
  await expect(shownReference(page)).toHaveText(rows[0].reference);
  // The other page reads the device's list every 5 s (DeviceQueue.tsx): one full period and
  // some, as the default 5 s can end just before the next reading on a busy machine.
  await expect(status.getByRole('region', { name: 'Dikirim dari perangkat ini' })).toContainText(
    `${provisional}: terkirim dengan nomor permintaan ${rows[0].reference}`,
    { timeout: 12_000 },
  );
  // Both pages were open when the connection returned; still one record.
  expect(await stored.requestsWithQuestion(question)).toHaveLength(1);
});

test('when the server answers 500 once, the form waits and is sent again: one record', async ({
  page,
}, testInfo) => {
  const question = await consultationReadyToSend(page, testInfo);
  let posts = 0;
  await page.route('**/api/consultations', async (route) => {
    posts += 1;
    if (posts === 1) {
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":{"code":"internal_error","message":"Terjadi kesalahan."}}',
      });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(queuedNotice(page)).toBeVisible();
  await page.waitForURL(confirmation, { timeout: 20_000 });
  expect(posts).toBe(2);
  const rows = await stored.requestsWithQuestion(question);
  expect(rows).toHaveLength(1);
  await expect(shownReference(page)).toHaveText(rows[0].reference);
});

test('when the server answers 429 while the form waits, it is kept, sent after Retry-After, stored once', async ({
  page,
}, testInfo) => {
  const question = await consultationReadyToSend(page, testInfo);
  let posts = 0;
  await page.route('**/api/consultations', async (route) => {
    posts += 1;
    // The first send finds the server down (queued); the first replay is rate limited.
    if (posts === 1) {
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'Retry-After': '1' },
        body: '{"error":{"code":"unavailable","message":"sibuk"}}',
      });
    } else if (posts === 2) {
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'Retry-After': '2' },
        body: '{"error":{"code":"rate_limited","message":"Terlalu banyak"}}',
      });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(queuedNotice(page)).toBeVisible();
  await page.waitForURL(confirmation, { timeout: 30_000 });
  expect(posts).toBe(3);
  const rows = await stored.requestsWithQuestion(question);
  expect(rows).toHaveLength(1);
  await expect(shownReference(page)).toHaveText(rows[0].reference);
});

test('when the answer is lost after the server stored the form, the replay does not store it again', async ({
  page,
}, testInfo) => {
  const question = await consultationReadyToSend(page, testInfo);
  let posts = 0;
  await page.route('**/api/consultations', async (route) => {
    posts += 1;
    if (posts === 1) {
      // The request reaches the server and is stored; its answer never reaches the page.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(queuedNotice(page)).toBeVisible();
  expect(await stored.requestsWithQuestion(question)).toHaveLength(1);
  await page.waitForURL(confirmation, { timeout: 20_000 });
  expect(posts).toBe(2);
  const rows = await stored.requestsWithQuestion(question);
  expect(rows).toHaveLength(1);
  await expect(shownReference(page)).toHaveText(rows[0].reference);
});
