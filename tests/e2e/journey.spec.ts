/**
 * A citizen on a phone reaches every form from the start page by tapping links and buttons
 * only, within two taps. Found by walking the links a citizen can see, not by a list of
 * known paths, so a link that disappears (or hides behind a menu) fails the test.
 */
import { expect, test, type Page } from '@playwright/test';
import { FORMS } from '../../src/lib/forms.ts';

const TARGETS: string[] = [
  FORMS.konsultasi.page,
  FORMS.pengaduan.page,
  FORMS.penilaian.page,
  FORMS.status.page,
];

/** Same-site links a person can see on the page now, by their text. */
async function visibleLinks(page: Page): Promise<{ name: string; path: string }[]> {
  const links = await page.locator('a[href]').evaluateAll((anchors) =>
    anchors
      .filter((anchor) => (anchor as HTMLElement).checkVisibility())
      .map((anchor) => ({
        name: (anchor.textContent ?? '').trim(),
        href: (anchor as HTMLAnchorElement).href,
      })),
  );
  const origin = new URL(page.url()).origin;
  return links
    .filter((link) => link.name !== '' && new URL(link.href).origin === origin)
    .map((link) => ({ name: link.name, path: new URL(link.href).pathname }));
}

/** Taps the first visible link with this text and waits for the page it leads to. */
async function tap(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).filter({ visible: true }).first().click();
  await page.waitForLoadState('domcontentloaded');
}

test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

test('every form is at most two taps from the start page on a phone', async ({ page }) => {
  const found = new Map<string, string[]>();
  await page.goto('/');
  for (const link of await visibleLinks(page)) {
    if (TARGETS.includes(link.path) && !found.has(link.path)) found.set(link.path, [link.name]);
  }
  const firstTaps = [
    ...new Map((await visibleLinks(page)).map((link) => [link.path, link.name])).values(),
  ];
  for (const first of firstTaps) {
    if (found.size === TARGETS.length) break;
    await page.goto('/');
    await tap(page, first);
    for (const link of await visibleLinks(page)) {
      if (TARGETS.includes(link.path) && !found.has(link.path))
        found.set(link.path, [first, link.name]);
    }
  }
  expect([...found.keys()].sort()).toEqual([...TARGETS].sort());

  // Follow each path found by tapping, as a citizen would, and land on the form.
  for (const [target, taps] of found) {
    await page.goto('/');
    for (const name of taps) await tap(page, name);
    expect(new URL(page.url()).pathname, `${taps.join(' → ')}`).toBe(target);
    await expect(page.locator('form[method="post"]').first()).toBeVisible();
  }
});

test('the online procedure leads from its steps to search, the consultation form and the rating', async ({
  page,
}) => {
  await page.goto('/');
  await tap(page, 'Mulai: Online (pst.bps.go.id atau WhatsApp)');
  const steps = page.locator('ol.steps > li');
  await expect(
    steps.filter({ hasText: 'ajukan permintaan konsultasi' }).getByRole('link'),
  ).toHaveText(FORMS.konsultasi.link);
  await expect(steps.filter({ hasText: 'Cari dahulu' }).getByRole('link')).toHaveAttribute(
    'href',
    '/cari/',
  );
  await steps
    .filter({ hasText: 'Beri penilaian' })
    .getByRole('link', { name: FORMS.penilaian.link })
    .click();
  await expect(page).toHaveURL(/\/penilaian\/$/);
});

test('the standard leads to the complaint form from its complaint section and its rating steps', async ({
  page,
}) => {
  await page.goto('/standar-pelayanan/');
  const complaints = page.getByRole('region', { name: 'Pengaduan layanan' });
  await expect(complaints.getByRole('link', { name: FORMS.pengaduan.link })).toHaveAttribute(
    'href',
    FORMS.pengaduan.page,
  );
  const ratingSteps = page
    .locator('ol.steps > li')
    .filter({ hasText: 'penilaian/rating/pengaduan' });
  await expect(ratingSteps).toHaveCount(2);
  for (const step of await ratingSteps.all()) {
    await expect(step.getByRole('link', { name: FORMS.penilaian.link })).toBeVisible();
    await expect(step.getByRole('link', { name: FORMS.pengaduan.link })).toBeVisible();
  }
});

test('a search without results offers the consultation form, the question carried along', async ({
  page,
}) => {
  await page.goto('/cari/?q=xqzzkv');
  await expect(page.locator('.search-status')).toContainText('Tidak ada hasil');
  await page.getByRole('link', { name: FORMS.konsultasi.link }).last().click();
  await expect(page).toHaveURL(/\/konsultasi\/\?pertanyaan=xqzzkv$/);
  await expect(page.getByRole('textbox', { name: 'Pertanyaan Anda' })).toHaveValue('xqzzkv');
});
