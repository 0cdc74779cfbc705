import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitemapPaths } from './support.ts';

test('the sitemap lists every page of the standard', async ({ request }) => {
  const paths = await sitemapPaths(request);
  for (const path of [
    '/',
    '/standar-pelayanan/',
    '/prosedur/datang-langsung/',
    '/prosedur/online/',
    '/faq/',
    '/kontak/',
    '/privasi/',
  ]) {
    expect(paths).toContain(path);
  }
  expect(
    paths.filter((path) => path.startsWith('/faq/') && path !== '/faq/').length,
  ).toBeGreaterThanOrEqual(12);
});

test('every page answers 200 with one h1, a skip link, a breadcrumb and the contact block, in Indonesian', async ({
  page,
  request,
}) => {
  for (const path of await sitemapPaths(request)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('link', { name: 'Langsung ke isi halaman' })).toHaveAttribute(
      'href',
      '#konten',
    );
    await expect(page.getByRole('navigation', { name: 'Jejak navigasi' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: /^Hubungi/ })).toContainText(
      '0812-9990-1408',
    );
    await expect(page.getByRole('complementary', { name: /^Hubungi/ })).toContainText(
      'bps1408@bps.go.id',
    );
    expect(await page.content(), path).not.toContain('Indragiri');
  }
});

test('axe finds no WCAG 2.2 AA violations on any page', async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test('the 404 page answers 404 and helps the citizen on', async ({ page }) => {
  const response = await page.goto('/tidak-ada/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await expect(page.getByRole('link', { name: 'Kembali ke beranda' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('the standard page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/standar-pelayanan/');
  });

  test('shows the cost, both time limits and the complaint channels', async ({ page }) => {
    await expect(page.locator('#biaya + p')).toHaveText('Tidak dipungut biaya');
    const times = page.getByRole('region', { name: 'Waktu penyelesaian' });
    await expect(times).toContainText('10 (sepuluh) menit');
    await expect(times).toContainText('3 (tiga) hari kerja');
    const complaints = page.getByRole('region', { name: 'Pengaduan layanan' });
    await expect(complaints.getByRole('link', { name: '0812-9990-1408' })).toHaveAttribute(
      'href',
      'https://wa.me/6281299901408',
    );
    await expect(complaints.getByRole('link', { name: 'bps1408@bps.go.id' })).toHaveAttribute(
      'href',
      'mailto:bps1408@bps.go.id',
    );
  });

  test('publishes the corrected text', async ({ page }) => {
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/pelayanan pelayanan/i);
    expect(text.match(/Tidak dipungut biaya/g)).toHaveLength(1);
    expect(text).toContain(
      'Nomor Surat Keputusan (SK) penetapan standar pelayanan ini tidak tercantum dalam naskah standar.',
    );
    expect(text).not.toMatch(/No\. SK\s*:/);
    expect(text).not.toContain('belum dipublikasikan');
  });

  test('lists the requirements per channel, each under its channel, with the note on the source', async ({
    page,
  }) => {
    const section = page.getByRole('region', { name: 'Persyaratan' });
    await expect(section).toContainText(
      'Naskah standar mencetak persyaratan kedua cara dalam satu daftar',
    );
    const walkIn = await section.locator('#persyaratan-datang-langsung + ol > li').allInnerTexts();
    const online = await section.locator('#persyaratan-online + ol > li').allInnerTexts();
    expect(walkIn).toHaveLength(4);
    expect(online).toHaveLength(3);
    expect(walkIn[0]).toContain('BPS Kabupaten Bengkalis');
    expect(walkIn.join(' ')).toContain('mengisi buku tamu');
    expect(walkIn.join(' ')).not.toContain('akun');
    expect(online.join(' ')).toContain('memiliki akun pada aplikasi pelayanan');
    expect(online.join(' ')).not.toContain('buku tamu');
    for (const list of [walkIn, online]) {
      expect(list.filter((item) => item.includes('alamat email yang masih aktif'))).toHaveLength(1);
    }
  });

  test('splits the walk-in and online procedures, each numbered from 1', async ({ page }) => {
    const walkIn = page.locator('#prosedur-datang-langsung + ol > li');
    const online = page.locator('#prosedur-online + ol > li');
    await expect(walkIn).toHaveCount(7);
    await expect(online).toHaveCount(9);
    await expect(online.first()).toContainText('pst.bps.go.id atau WhatsApp');
  });

  test('carries GovernmentService structured data', async ({ page }) => {
    const json = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(json['@type']).toBe('GovernmentService');
    expect(json.isAccessibleForFree).toBe(true);
    expect(json.provider.email).toBe('bps1408@bps.go.id');
  });

  test('prints on A4 without the site chrome', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.feedback')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Biaya / tarif' })).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
  });
});

test('each procedure page numbers its own steps from 1', async ({ page }) => {
  await page.goto('/prosedur/online/');
  const steps = page.locator('ol.steps > li');
  await expect(steps).toHaveCount(9);
  await expect(steps.first()).toContainText(
    'Buka aplikasi pst.bps.go.id atau hubungi kami lewat WhatsApp',
  );
  await expect(page.locator('ol.steps')).not.toHaveAttribute('start');
});

test('the FAQ page carries FAQPage structured data with every question', async ({ page }) => {
  await page.goto('/faq/');
  const json = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  );
  expect(json['@type']).toBe('FAQPage');
  const questions = await page.locator('main ol > li').count();
  expect(json.mainEntity).toHaveLength(questions);
  expect(json.mainEntity[0].acceptedAnswer.text).toContain('tidak dipungut biaya');
});

test('content pages work at 320 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [
    '/',
    '/standar-pelayanan/',
    '/prosedur/online/',
    '/kontak/',
    '/faq/hari-kerja/',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the body text is at least 18 px on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/standar-pelayanan/');
  const size = await page
    .locator('main p')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
});

test('hashed assets are cached for a year, HTML is revalidated, text is compressed', async ({
  request,
  page,
}) => {
  await page.goto('/');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const asset = await request.get(css ?? '', { headers: { 'Accept-Encoding': 'br' } });
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect(asset.headers()['content-encoding']).toBe('br');
  const html = await request.get('/standar-pelayanan/', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(html.headers()['cache-control']).toContain('must-revalidate');
  expect(html.headers()['content-encoding']).toBe('gzip');
  const etag = html.headers()['etag'];
  expect(etag).toBeTruthy();
  const again = await request.get('/standar-pelayanan/', {
    headers: { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' },
  });
  expect(again.status()).toBe(304);
});

test('the web app manifest is valid and its icons exist', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.lang).toBe('id');
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  }
});
