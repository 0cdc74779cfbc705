/**
 * The walk-in desk in Chromium against `npm start` (the workspace's server of its own, see
 * playwright.config.ts): a kiosk paired with `npm run staff -- kiosk-link` takes a visitor's
 * guest-book entry and gives a ticket; the visitor follows it on a 320 px phone; the officer
 * calls the number and the waiting-area display shows it from the stream within 2 s; start,
 * finish; the visit is listed with its wait and verdict; the phone's ticket turns into the
 * rating link. axe in every state; screenshots of the display (1920×1080) and the kiosk
 * (800×1280).
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { serverEnv, staffBaseURL } from '../../playwright.config.ts';
import { expectNoHorizontalScroll } from './form-fixtures.ts';
import { addStaff, logIn, staff } from './officers.ts';
import { expectNoAxeViolations } from './support.ts';

function addAdmin(testInfo: TestInfo) {
  const email = `loket-${testInfo.testId}-${testInfo.retry}@contoh.go.id`.toLowerCase();
  addStaff(email, 'Petugas Loket', 'admin');
  return email;
}

async function context(browser: Browser, width: number, height: number) {
  const made = await browser.newContext({
    baseURL: staffBaseURL,
    viewport: { width, height },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  return made.newPage();
}

test('kiosk → ticket → display by SSE → start → finish → visit measured → rating link', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const email = addAdmin(testInfo);

  // The kiosk: refused until paired, then paired with the CLI's one-time link.
  const kiosk = await context(browser, 800, 1280);
  const refused = await kiosk.goto('/loket/');
  expect(refused?.status()).toBe(403);
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(
    'Buku tamu hanya di perangkat loket',
  );
  await expectNoAxeViolations(kiosk);
  const printed = staff(['kiosk-link', '--label', 'Tablet uji', '--origin', staffBaseURL]);
  const link = /http:\/\/\S+\/loket\/pasang\/\?t=[\w-]+/.exec(printed)?.[0] ?? '';
  expect(link).not.toBe('');
  await kiosk.goto(link);
  await expectNoAxeViolations(kiosk);
  await kiosk.getByRole('button', { name: 'Pasang perangkat ini' }).click();
  await expect(kiosk).toHaveURL(/\/loket\/\?terpasang=1$/);
  await expect(kiosk.getByRole('button', { name: 'Ambil nomor antrean' })).toBeVisible();
  await expectNoAxeViolations(kiosk);
  await kiosk.screenshot({ path: testInfo.outputPath('kiosk-800x1280.png'), fullPage: false });

  // Errors first: the form comes back with the messages, linked from the summary.
  await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).click();
  await expect(kiosk.getByRole('alert')).toContainText('Masukkan nama Anda');
  await expectNoAxeViolations(kiosk);

  await kiosk.getByLabel('Nama').fill('Rina Marlina');
  await kiosk.getByLabel('Konsultasi statistik').check();
  await kiosk.getByLabel('Topik singkat').fill('Data penduduk per kecamatan');
  await kiosk.getByLabel('Email (opsional)').fill('rina.e2e@contoh.co.id');
  await kiosk.getByLabel(/Saya setuju/).check();
  await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).click();
  await expect(kiosk).toHaveURL(/\/loket\/tiket\/[\w-]{22}\/$/);
  const number = (await kiosk.locator('.ticket-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^K-\d{3}$/);
  await expect(kiosk.getByRole('img', { name: /Kode QR/ })).toBeVisible();
  await expectNoAxeViolations(kiosk);
  const ticketUrl = (await kiosk.locator('.ticket-follow a').getAttribute('href')) ?? '';
  expect(ticketUrl).toMatch(/\/antrean\/[\w-]{22}\/$/);

  // The visitor's phone, 320 px wide.
  const phone = await context(browser, 320, 640);
  await phone.goto(ticketUrl);
  await expect(phone.locator('.ticket-number')).toHaveText(number);
  await expectNoAxeViolations(phone);
  await expectNoHorizontalScroll(phone);

  // The waiting-area display.
  const display = await context(browser, 1920, 1080);
  await display.goto('/antrean/layar/');
  await expect(display.getByRole('button', { name: /Suara/ })).toBeEnabled();
  await display.getByRole('button', { name: /Suara/ }).click();
  await expect(display.getByRole('button', { name: 'Suara: nyala' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(display.locator('[data-next]')).toContainText(number);
  await expectNoAxeViolations(display);

  // The officer at desk 1.
  const desk = await context(browser, 640, 900);
  await logIn(desk, email);
  await desk.goto('/petugas/loket/');
  await desk.getByLabel('Meja Anda').selectOption({ label: 'Meja 1' });
  await desk.getByRole('button', { name: 'Pilih meja' }).click();
  await expectNoAxeViolations(desk);
  // Serve whoever is ahead of our visitor (a retry may have left numbers) until ours is called.
  const shown = display.locator('[data-desk="meja-1"] [data-serving]');
  let latency = 0;
  for (;;) {
    const started = Date.now();
    await desk.getByRole('button', { name: 'Panggil berikutnya' }).click();
    const called = (await desk.locator('.desk-number strong').textContent())?.trim() ?? '';
    await expect(shown).toHaveText(called, { timeout: 2_000 });
    latency = Date.now() - started;
    if (called === number) break;
    await desk.getByRole('button', { name: 'Mulai layanan' }).click();
    await desk.getByRole('button', { name: 'Selesai' }).click();
  }
  testInfo.annotations.push({ type: 'sse-latency-ms', description: String(latency) });
  console.log(`Panggil → layar: ${latency} ms`);
  expect(latency).toBeLessThan(2_000);
  await expect(display.locator('[data-desk="meja-1"]')).toHaveClass(/display-desk-called/);
  await expectNoAxeViolations(display);
  const numberHeight = await shown.evaluate((el) => el.getBoundingClientRect().height);
  expect(numberHeight / 1080).toBeGreaterThanOrEqual(0.2);
  await display.screenshot({ path: testInfo.outputPath('layar-1920x1080.png') });

  await expect(phone.locator('.ticket-status')).toHaveText('Giliran Anda! Silakan ke Meja 1.', {
    timeout: 5_000,
  });
  await expectNoAxeViolations(desk);

  await desk.getByRole('button', { name: 'Mulai layanan' }).click();
  await expect(desk.getByRole('status')).toHaveText('Layanan dimulai.');
  await expect(display.locator('[data-desk="meja-1"] [data-state]')).toHaveText('sedang dilayani');
  await expectNoAxeViolations(desk);
  await desk.getByLabel('Catatan singkat (opsional)').fill('Diberi tabel kecamatan.');
  await desk.getByRole('button', { name: 'Selesai' }).click();
  await expect(desk.getByRole('status')).toHaveText('Layanan selesai.');
  const row = desk.locator('.desk-visits tr', { hasText: number });
  await expect(row).toContainText(/\d+(\.\d)? menit/);
  await expect(row).toContainText('dalam standar');
  await expectNoAxeViolations(desk);
  await expectNoHorizontalScroll(desk);

  const report = await (
    await desk.request.get('/api/staff/kunjungan', {
      headers: { authorization: `Bearer ${serverEnv.STAFF_TOKEN}` },
    })
  ).json();
  const visit = report.visits.find((v: { number: string }) => v.number === number);
  expect(visit).toMatchObject({ desk: 'meja-1', state: 'selesai', withinStandard: true });
  expect(typeof visit.waitMinutes).toBe('number');

  // The phone's ticket: the rating link with the visit's reference.
  const rating = phone.getByRole('link', { name: 'Beri penilaian layanan' });
  await expect(rating).toBeVisible({ timeout: 5_000 });
  expect(await rating.getAttribute('href')).toBe(`/penilaian/?ref=${visit.reference}`);
  await expectNoAxeViolations(phone);
  await expectNoHorizontalScroll(phone);
  await expect(display.locator('[data-desk="meja-1"] [data-serving]')).toHaveText('—');

  // The kiosk went back to an empty form by itself.
  await expect(kiosk).toHaveURL(/\/loket\/$/, { timeout: 25_000 });
  await expect(kiosk.getByLabel('Nama')).toHaveValue('');
});

test('the display comes back after the stream drops', async ({ browser }) => {
  const display = await context(browser, 1280, 720);
  // The stream fails twice (a dropped connection), then is back: EventSource reconnects and
  // the display gets a fresh state.
  let failures = 0;
  await display.route('**/api/antrean/stream', (route) =>
    failures++ < 2 ? route.abort('connectionreset') : route.continue(),
  );
  await display.goto('/antrean/layar/');
  await expect(display.locator('[data-connection]')).toHaveText(
    'Koneksi terputus, menyambung lagi…',
  );
  await display.waitForFunction(() => document.body.dataset.updated !== undefined, undefined, {
    timeout: 20_000,
  });
  await expect(display.locator('[data-connection]')).toHaveText('');
  expect(failures).toBeGreaterThanOrEqual(3);
});
