import { expect, test, type Page } from '@playwright/test';
import { contentDir, loadFaqs } from '../../src/content-schemas/load.ts';
import { offlineFaqs } from '../../src/lib/offline-faqs.ts';
import { expectNoAxeViolations, waitForServiceWorker } from './support.ts';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const updatePrompt = (page: Page) => page.locator('[data-update-prompt]');
const resultLinks = (page: Page) =>
  page.getByRole('list', { name: 'Hasil pencarian' }).getByRole('heading').getByRole('link');

test('once visited, the site reads offline; an address it does not have shows the offline page', async ({
  page,
  context,
}) => {
  await page.goto('/standar-pelayanan/');
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.reload();
  await expect(page.locator('#biaya + p')).toHaveText('Tidak dipungut biaya');
  // Never opened before going offline: precached with the rest of the site.
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: 'Tanya Jawab' })
    .click();
  await expect(page).toHaveURL(/\/faq\/$/);
  await page.getByRole('link', { name: 'Berapa biaya konsultasi statistik?' }).first().click();
  await expect(heading(page)).toHaveText('Berapa biaya konsultasi statistik?');

  await page.goto('/belum-ada-di-situs/');
  await expect(heading(page)).toHaveText('Tidak ada koneksi internet');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Standar pelayanan' }),
  ).toBeVisible();
});

// Answers the service worker does not keep from the first visit (src/lib/offline-faqs.ts).
const allFaqs = loadFaqs(contentDir());
const kept = new Set(offlineFaqs(allFaqs).map((faq) => faq.id));
const [visited, unvisited, searched] = allFaqs.filter((faq) => !kept.has(faq.id));

test('an answer opened once reads offline, though it is not kept from the first visit', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.goto(`/faq/${visited.id}/`);
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page)).toHaveText(visited.question);
  await expect(page.getByRole('link', { name: 'Semua pertanyaan' })).toBeVisible();
});

test('an answer never opened shows its words from the search index offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(`/faq/${unvisited.id}/`);
  await expect(heading(page)).toHaveText(unvisited.question);
  await expect(page.getByText('Halaman lengkap tersedia saat online')).toBeVisible();
  const text = (await page.locator('[data-answer-text]').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(40);
  await expect(page).toHaveTitle(new RegExp(unvisited.question.replace(/[?()]/g, '\\$&')));
  await expectNoAxeViolations(page);
});

test('a search offline finds an answer never opened, and opens its words', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(`/cari/?q=${encodeURIComponent(searched.question)}`);
  const result = resultLinks(page).filter({ hasText: searched.question });
  await expect(result).toHaveAttribute('href', `/faq/${searched.id}/`);
  await result.click();
  await expect(heading(page)).toHaveText(searched.question);
  await expect(page.getByText('Halaman lengkap tersedia saat online')).toBeVisible();
});

test('online, an address the site does not have still gets the real 404', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const response = await page.goto('/belum-ada-di-situs/');
  expect(response?.status()).toBe(404);
  await expect(heading(page)).toHaveText('Halaman tidak ditemukan');
});

test('a confirmation page still shows the reference the server fills in', async ({ page }) => {
  await page.goto('/konsultasi/');
  await waitForServiceWorker(page);
  await page.goto('/konsultasi/terkirim/?ref=KS-2611-7K3QX9&due=2026-11-30');
  await expect(page.locator('[data-slot="ref"]')).toHaveText('KS-2611-7K3QX9');
});

test('answers from /api/ never come from a cache', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const health = () =>
    page.evaluate(() =>
      fetch('/api/health').then(
        (r) => r.status,
        () => 'network error',
      ),
    );
  expect(await health()).toBe(200);
  await context.setOffline(true);
  expect(await health()).toBe('network error');
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys())
        urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached.length).toBeGreaterThan(20);
  expect(cached.filter((path) => path.startsWith('/api/'))).toEqual([]);
});

test('search works offline, on /cari/ and from the header search box of any page', async ({
  page,
  context,
}) => {
  await page.goto('/kontak/');
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.goto('/cari/');
  const box = page.getByRole('searchbox', { name: 'Kata pencarian' });
  await expect(box).toBeEnabled();
  await box.fill('biaya');
  await expect(resultLinks(page).first()).toHaveText('Berapa biaya konsultasi statistik?');

  await page.goto('/faq/');
  await page.getByRole('banner').getByRole('searchbox').fill('ktp');
  await page.getByRole('banner').getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/cari\/\?q=ktp$/);
  await expect(resultLinks(page).first()).toHaveAttribute('href', '/faq/syarat-datang-langsung/');
});

test('a new build shows an accessible update prompt and the page never reloads by itself', async ({
  page,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  // The first install is not an update.
  await expect(updatePrompt(page)).toBeEmpty();

  const search = page.getByRole('banner').getByRole('searchbox');
  await search.fill('belum selesai diketik');
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  // A new deploy: a new worker installs while this page is controlled, then takes over.
  // Chromium checks /sw.js for changed bytes in the browser process, out of reach of both
  // context.route and CDP Fetch interception (tried, Chromium 156), so a changed body cannot
  // be served there; a different script URL makes the browser install a new worker the same
  // way (the server ignores the query).
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?build=next'));

  await expect(updatePrompt(page)).toHaveText('Versi baru tersedia — muat ulang');
  await expect(search).toHaveValue('belum selesai diketik');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

  const reload = updatePrompt(page).getByRole('button', { name: 'muat ulang' });
  await reload.focus();
  expect(await reload.evaluate((button) => getComputedStyle(button).boxShadow)).not.toBe('none');
  await expectNoAxeViolations(page);

  const reloaded = page.waitForEvent('load');
  await reload.click();
  await reloaded;
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('pages work as before and register no service worker', async ({ page, context }) => {
    await page.goto('/faq/biaya/');
    await expect(heading(page)).toHaveText('Berapa biaya konsultasi statistik?');
    await expect(updatePrompt(page)).toBeEmpty();
    await expect(updatePrompt(page)).toHaveCount(1);
    expect(context.serviceWorkers()).toEqual([]);
  });
});
