/**
 * The officers' workspace in Chromium against `npm start` (a server of its own, see
 * playwright.config.ts): an officer made with `npm run staff` logs in, finds the newest
 * request at the top, answers it with a template, and the citizen reads the answer on
 * /status/ — with and without JavaScript, at 320 px, axe-clean in every state.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { staffDataDir } from '../../playwright.config.ts';
import { STATUS_LABELS } from '../../src/schemas/status.ts';
import {
  examples,
  expectNoAxeViolationsWithoutScripts,
  expectNoHorizontalScroll,
  inScriptedCopy,
  submitConsultation,
  uniqueText,
} from './form-fixtures.ts';
import { addStaff, logIn, OFFICER_PASSWORD } from './officers.ts';
import { expectNoAxeViolations, waitForServiceWorker } from './support.ts';

/** An officer of this test's own. */
function addOfficer(testInfo: TestInfo, role: 'admin' | 'petugas' = 'petugas') {
  const email = `petugas-${testInfo.testId}-${testInfo.retry}@contoh.go.id`.toLowerCase();
  const name = `Petugas Uji ${testInfo.testId.slice(-6)}`;
  addStaff(email, name, role);
  return { email, name };
}

/** A consultation whose topic no other test uses. */
async function consultation(page: Page, testInfo: TestInfo, topic: string) {
  const text = uniqueText(testInfo, topic);
  const { reference } = await submitConsultation(page.request, {
    ...examples.consultation,
    topic: text,
  });
  return { reference, topic: text };
}

const firstRow = (page: Page) => page.locator('.inbox-row').first();
const replyBox = (page: Page) => page.getByLabel('Balasan untuk pengguna');

async function check(page: Page, browser: Browser, scripts: boolean) {
  if (scripts) {
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  } else {
    await expectNoAxeViolationsWithoutScripts(page, browser);
    await inScriptedCopy(page, browser, expectNoHorizontalScroll);
  }
}

async function citizenSees(page: Page, reference: string, text: string) {
  await page.goto('/status/');
  await page.getByLabel(STATUS_LABELS.reference, { exact: true }).fill(reference);
  await page.getByLabel(STATUS_LABELS.email, { exact: true }).fill(examples.consultation.email);
  await page.getByRole('button', { name: 'Cek status' }).click();
  await expect(page.getByRole('main')).toContainText(text);
}

for (const scripts of [true, false]) {
  const mode = scripts ? 'with JavaScript' : 'without JavaScript';

  test.describe(`an officer at 320 px ${mode}`, () => {
    test.use({ javaScriptEnabled: scripts, viewport: { width: 320, height: 640 } });

    test('logs in, finds the newest request at the top, answers it with a template; the citizen reads it on /status/', async ({
      page,
      browser,
    }, testInfo) => {
      const officer = addOfficer(testInfo);
      await consultation(page, testInfo, 'Permintaan lebih dulu');
      const newest = await consultation(page, testInfo, 'Permintaan terbaru');

      await logIn(page, officer.email);
      await expect(firstRow(page)).toContainText(newest.reference);
      await expect(firstRow(page)).toContainText(newest.topic);
      await check(page, browser, scripts);
      await testInfo.attach('kotak-masuk-320', {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });

      await firstRow(page).getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(newest.reference);
      await check(page, browser, scripts);
      await testInfo.attach('permintaan-320', {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });

      await replyBox(page).fill('Yth. Ibu Siti,');
      await page.getByLabel('Templat balasan').selectOption({ label: 'Layanan tanpa biaya' });
      const url = page.url();
      await page.getByRole('button', { name: 'Sisipkan' }).click();
      await expect(replyBox(page)).toHaveValue(
        /^Yth\. Ibu Siti,\n\nPelayanan Konsultasi Statistik tidak dipungut biaya/,
      );
      await expect(replyBox(page)).toBeFocused();
      if (scripts) {
        // Inserted in place: the page was not sent.
        expect(page.url()).toBe(url);
        await expect(page.locator('#templat-status')).toContainText('disisipkan');
      }
      await check(page, browser, scripts);

      await page.getByRole('button', { name: 'Kirim balasan' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Balasan terkirim' })).toBeVisible();
      await expect(page.locator('.thread')).toContainText(`oleh ${officer.name}`);
      await check(page, browser, scripts);

      await citizenSees(page, newest.reference, 'tidak dipungut biaya');
    });

    test('changes the status, writes a note, takes the request, marks spam and back, then erases it', async ({
      page,
      browser,
    }, testInfo) => {
      const officer = addOfficer(testInfo);
      const request = await consultation(page, testInfo, 'Tindakan petugas');
      await logIn(page, officer.email);
      await page.goto(`/petugas/permintaan/${request.reference}/`);

      await page.getByLabel('Ubah status menjadi').selectOption({ label: 'Diproses' });
      await page.getByRole('button', { name: 'Ubah status' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Status diubah' })).toBeVisible();
      await expect(page.locator('.thread')).toContainText('Status menjadi Diproses');

      await page.getByLabel('Catatan internal').fill('Tanyakan ke bidang sosial.');
      await page.getByRole('button', { name: 'Simpan catatan' }).click();
      await expect(page.locator('.thread .internal')).toContainText('Tanyakan ke bidang sosial.');
      await expect(page.locator('.thread .internal')).toContainText('tidak terlihat oleh pengguna');

      await page.getByRole('button', { name: 'Tangani sendiri' }).click();
      await expect(page.locator('.thread')).toContainText(`Ditugaskan kepada ${officer.name}`);
      await expect(page.getByRole('button', { name: 'Tangani sendiri' })).toHaveCount(0);

      await page.getByRole('button', { name: 'Tandai sebagai spam' }).click();
      await expect(page.getByText('Ditandai sebagai spam: tidak tampil')).toBeVisible();
      await check(page, browser, scripts);
      await page.getByRole('button', { name: 'Bukan spam' }).click();
      await expect(page.getByRole('button', { name: 'Tandai sebagai spam' })).toBeVisible();

      await page.getByRole('link', { name: 'Hapus data pribadi permintaan ini' }).click();
      if (scripts) {
        const dialog = page.getByRole('dialog', {
          name: `Hapus data pribadi ${request.reference}?`,
        });
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
        await expect(dialog).toContainText('pertanyaan');
        await expectNoAxeViolations(page);
        await dialog.getByRole('button', { name: 'Batal' }).click();
        await expect(dialog).toHaveCount(0);
        await page.getByRole('link', { name: 'Hapus data pribadi permintaan ini' }).click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: 'Ya, hapus data pribadi' })
          .click();
      } else {
        await expect(page).toHaveURL(/\/hapus\/$/);
        await expect(page.getByRole('main')).toContainText('nomor HP/WhatsApp');
        await check(page, browser, scripts);
        await page.getByRole('button', { name: 'Ya, hapus data pribadi' }).click();
      }
      await expect(
        page.getByRole('status').filter({ hasText: 'Data pribadi permintaan ini telah dihapus' }),
      ).toBeVisible();
      await expect(page.getByRole('main')).not.toContainText(examples.consultation.name);
      await expect(replyBox(page)).toHaveCount(0);
      await check(page, browser, scripts);
    });

    test('an empty reply is drawn again with the error; a second officer’s late reply gets a conflict, not an overwrite', async ({
      page,
      browser,
    }, testInfo) => {
      const officer = addOfficer(testInfo);
      const request = await consultation(page, testInfo, 'Dua petugas');
      await logIn(page, officer.email);
      await page.goto(`/petugas/permintaan/${request.reference}/`);
      await page.getByRole('button', { name: 'Kirim balasan' }).click();
      const summary = page.locator('.error-summary');
      await expect(summary).toContainText('Tulis balasan untuk pengguna');
      if (scripts) await expect(summary).toBeFocused();
      await expect(replyBox(page)).toHaveAttribute('aria-invalid', 'true');
      await check(page, browser, scripts);

      const other = await page.context().newPage();
      await other.goto(`/petugas/permintaan/${request.reference}/`);
      await replyBox(other).fill('Jawaban petugas pertama.');
      await other.getByRole('button', { name: 'Kirim balasan' }).click();
      await expect(other.getByRole('status').filter({ hasText: 'Balasan terkirim' })).toBeVisible();

      await replyBox(page).fill('Jawaban yang datang belakangan.');
      await page.getByRole('button', { name: 'Kirim balasan' }).click();
      await expect(page.getByRole('alert')).toContainText('baru saja diubah oleh petugas lain');
      await expect(replyBox(page)).toHaveValue('Jawaban yang datang belakangan.');
      await expect(page.locator('.thread')).toContainText('Jawaban petugas pertama.');
      await check(page, browser, scripts);
    });
  });
}

test.describe('logging in and out', () => {
  test('a wrong password is one message with 401, and the page passes axe', async ({
    page,
  }, testInfo) => {
    const officer = addOfficer(testInfo);
    await page.goto('/petugas/masuk/');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(officer.email);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/petugas/masuk/') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.locator('.error-summary')).toContainText('Email atau kata sandi salah');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByLabel('Email')).toHaveValue(officer.email);
    await expectNoAxeViolations(page);
  });

  test('the sixth try within 15 minutes is refused with the time to come back, even with the right password', async ({
    page,
  }, testInfo) => {
    const officer = addOfficer(testInfo);
    await page.goto('/petugas/masuk/');
    for (let i = 0; i < 5; i += 1) {
      await page.getByLabel('Email').fill(officer.email);
      await page.getByLabel('Kata sandi').fill(`salah-salah-${i}`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await expect(page.locator('.error-summary')).toContainText('Email atau kata sandi salah');
    }
    await page.getByLabel('Kata sandi').fill(OFFICER_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.locator('.error-summary')).toContainText(
      /coba lagi setelah .* WIB \(sekitar 15 menit lagi\)/,
    );
    await expect(page).toHaveURL(/\/petugas\/masuk\/$/);
    await expectNoAxeViolations(page);
  });

  test('logout ends the session: back and reload show the login, not the inbox', async ({
    page,
  }, testInfo) => {
    const officer = addOfficer(testInfo);
    await logIn(page, officer.email);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page).toHaveURL(/\/petugas\/masuk\/\?keluar=1$/);
    await expect(page.getByRole('status')).toContainText('Anda telah keluar');
    await expectNoAxeViolations(page);
    await page.goBack();
    await expect(page).toHaveURL(/\/petugas\/masuk\//);
    await page.goto('/petugas/');
    await expect(page).toHaveURL(/\/petugas\/masuk\/\?lanjut=/);
  });
});

test.describe('accounts', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('an admin adds an officer (an error first), and every officer changes their own password', async ({
    page,
    browser,
  }, testInfo) => {
    const admin = addOfficer(testInfo, 'admin');
    await logIn(page, admin.email);
    await page.getByRole('link', { name: 'Akun petugas' }).click();
    await check(page, browser, true);
    const email = `baru-${testInfo.testId}@contoh.go.id`.toLowerCase();
    await page.getByLabel('Nama').fill('Rina Marlina');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi awal').fill('pendek');
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    await expect(page.locator('.error-summary')).toContainText('paling sedikit 12 karakter');
    await check(page, browser, true);
    await page.getByLabel('Kata sandi awal').fill('kereta-malam-ke-dumai');
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    await expect(page.getByRole('status')).toContainText('Akun petugas ditambahkan');
    await expect(page.locator('.accounts')).toContainText(email);

    await page.getByRole('link', { name: 'Kata sandi' }).click();
    await check(page, browser, true);
    await page.getByLabel('Kata sandi sekarang').fill(OFFICER_PASSWORD);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('angin-timur-laut-bengkalis');
    await page.getByLabel('Ulangi kata sandi baru').fill('angin-timur-laut-bengkalis');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await expect(page.getByRole('status')).toContainText('Kata sandi baru disimpan');
    await check(page, browser, true);
  });

  test('an officer who is not admin is told the accounts page is for admins', async ({
    page,
  }, testInfo) => {
    const officer = addOfficer(testInfo);
    await logIn(page, officer.email);
    await expect(page.getByRole('link', { name: 'Akun petugas' })).toHaveCount(0);
    const response = await page.goto('/petugas/akun/');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hanya untuk admin');
    await expectNoAxeViolations(page);
  });
});

test('the service worker keeps no workspace page: offline, /petugas/ is the offline page', async ({
  page,
  context,
}, testInfo) => {
  const officer = addOfficer(testInfo);
  await page.goto('/');
  await waitForServiceWorker(page);
  await logIn(page, officer.email);
  await page.goto('/petugas/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kotak masuk');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Kotak masuk');
  await context.setOffline(false);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(cached.filter((url) => new URL(url).pathname.startsWith('/petugas/'))).toEqual([]);
});

test('every action is in the audit log with the officer who did it', async ({ page }, testInfo) => {
  const officer = addOfficer(testInfo);
  const request = await consultation(page, testInfo, 'Jejak audit');
  await logIn(page, officer.email);
  await page.goto(`/petugas/permintaan/${request.reference}/`);
  await replyBox(page).fill('Terima kasih, data ada di tabel 4.1.');
  await page.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Balasan terkirim' })).toBeVisible();
  const db = new DatabaseSync(join(staffDataDir, 'pst.sqlite'), { readOnly: true });
  try {
    const rows = db
      .prepare(
        `SELECT action, target FROM audit_log JOIN staff_users ON staff_users.id = audit_log.staff_id
         WHERE staff_users.email = ? ORDER BY audit_log.id`,
      )
      .all(officer.email);
    expect(rows).toEqual([
      { action: 'masuk', target: null },
      { action: 'balas', target: request.reference },
    ]);
  } finally {
    db.close();
  }
});
