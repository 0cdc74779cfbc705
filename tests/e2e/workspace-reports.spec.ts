/**
 * The reports in Chromium against `npm start` (a server of their own, playwright.config.ts),
 * over the seeded November 2026 (tests/fixtures/report/seed.ts) written into its database: an
 * admin opens the month's report with and without JavaScript, prints it on A4 and downloads it
 * as Excel; a citizen opens /kinerja/ from the footer, without JavaScript, at 320 px. axe on
 * both; the sizes of /kinerja/ are recorded.
 */
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { reportsBaseURL, reportsDataDir } from '../../playwright.config.ts';
import { loadOffice } from '../../src/content-schemas/load.ts';
import { NOVEMBER, SEEDED_EMAILS, SEEDED_NAMES, seedReport } from '../fixtures/report/seed.ts';
import { expectNoAxeViolationsWithoutScripts, expectNoHorizontalScroll } from './form-fixtures.ts';
import { addStaff, logIn } from './officers.ts';
import { expectNoAxeViolations } from './support.ts';

const REPORT = `/petugas/laporan/?dari=${NOVEMBER.from}&sampai=${NOVEMBER.to}`;
const database = () => join(reportsDataDir, 'pst.sqlite');

function staffId(email: string): number {
  const db = new DatabaseSync(database(), { readOnly: true });
  try {
    return Number(
      (db.prepare('SELECT id FROM staff_users WHERE email = ?').get(email) as { id: number }).id,
    );
  } finally {
    db.close();
  }
}

/** An admin and an officer, and November seeded once per database. */
function prepare(testInfo: TestInfo): string {
  const tag = `${testInfo.testId}-${testInfo.retry}`.toLowerCase();
  const admin = `laporan-${tag}@contoh.go.id`;
  const officer = `petugas-${tag}@contoh.go.id`;
  addStaff(admin, 'Sari Wulandari', 'admin', reportsDataDir);
  addStaff(officer, 'Budi Santoso', 'petugas', reportsDataDir);
  const db = new DatabaseSync(database(), { readOnly: true });
  const seeded = db.prepare("SELECT 1 FROM requests WHERE reference = 'KS-2611-AAAAAA'").get();
  db.close();
  if (!seeded)
    seedReport(database(), loadOffice().code, {
      sari: staffId(admin),
      budi: staffId(officer),
    });
  return admin;
}

async function open(browser: Browser, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL: reportsBaseURL,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true,
  });
  return context.newPage();
}

for (const javaScript of [true, false]) {
  test(`the month's report ${javaScript ? 'with' : 'without'} JavaScript: sections, charts, axe, A4 print`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(60_000);
    const admin = prepare(testInfo);
    const page = await open(browser, { javaScript });
    await logIn(page, admin);
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    await expect(page).toHaveURL(/\/petugas\/laporan\/$/);

    // The period form is a plain GET: it works the same with and without JavaScript.
    await page.getByLabel('Dari tanggal').fill(NOVEMBER.from);
    await page.getByLabel('Sampai tanggal').fill(NOVEMBER.to);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect(page).toHaveURL(new RegExp(`dari=${NOVEMBER.from}&sampai=${NOVEMBER.to}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('1 November 2026');
    for (const section of [
      'Permintaan online',
      'Datang langsung',
      'Indeks Kepuasan Masyarakat',
      'Pengaduan',
      'Layanan mandiri',
      'Petugas',
    ])
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    for (const chart of [
      'Permintaan online per bulan',
      'Nilai rata-rata (NRR) per unsur pelayanan',
      'Sebaran lama menunggu pengunjung',
    ])
      await expect(page.getByRole('img', { name: chart })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Nilai per unsur pelayanan' })).toContainText(
      'U9',
    );
    // axe runs as a script: without JavaScript it checks a scripted copy of the same page.
    if (javaScript) await expectNoAxeViolations(page);
    else await expectNoAxeViolationsWithoutScripts(page, browser);

    if (javaScript) {
      await page.screenshot({ path: testInfo.outputPath('laporan-1280.png'), fullPage: true });
      // Printed: the letterhead and the date appear, the form and the downloads do not.
      await page.emulateMedia({ media: 'print' });
      await expect(
        page.getByText('Pelayanan Statistik Terpadu BPS Kabupaten Bengkalis').first(),
      ).toBeVisible();
      await expect(page.getByText(/^Dicetak /)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Tampilkan' })).toBeHidden();
      // What the print looks like, at the width of A4 less its margins (180 mm ≈ 680 px).
      await page.setViewportSize({ width: 680, height: 960 });
      await page.screenshot({ path: testInfo.outputPath('laporan-cetak.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', path: testInfo.outputPath('laporan-a4.pdf') });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      testInfo.annotations.push({ type: 'a4-pages', description: String(pages) });
      expect(pages).toBeGreaterThanOrEqual(2);
    }
  });
}

test('the report at 320 px: no horizontal scroll of the page, axe', async ({
  browser,
}, testInfo) => {
  const admin = prepare(testInfo);
  const page = await open(browser, { width: 320 });
  await logIn(page, admin);
  await page.goto(REPORT);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('laporan-320.png'), fullPage: true });
});

test('Excel download: a workbook with one sheet per section', async ({ browser }, testInfo) => {
  const admin = prepare(testInfo);
  const page = await open(browser);
  await logIn(page, admin);
  await page.goto(REPORT);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Unduh Excel (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('laporan-2026-11-01-2026-11-30.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Indeks Kepuasan Masyarakat');
});

test('/kinerja/ from the footer, without JavaScript, at 320 px: figures, no personal data, axe', async ({
  browser,
  request,
}, testInfo) => {
  prepare(testInfo);
  const page = await open(browser, { width: 320, javaScript: false });
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Kinerja pelayanan' }).click();
  await expect(page).toHaveURL(/\/kinerja\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kinerja pelayanan');
  await expect(page.getByText('Indeks Kepuasan Masyarakat (IKM)').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolationsWithoutScripts(page, browser);
  await page.screenshot({ path: testInfo.outputPath('kinerja-320.png'), fullPage: true });

  const response = await request.get('/kinerja/');
  expect(response.headers()['cache-control']).toBe('public, max-age=3600');
  const html = await response.text();
  expect(html).not.toContain('<script');
  for (const secret of [...SEEDED_NAMES, ...SEEDED_EMAILS, 'Sari Wulandari'])
    expect(html).not.toContain(secret);
  const raw = Buffer.byteLength(html);
  const gz = gzipSync(html, { level: 9 }).length;
  testInfo.annotations.push({ type: 'kinerja-bytes', description: `raw=${raw} gzip=${gz}` });
  console.log(`/kinerja/ raw=${raw} gzip=${gz}`);
});
