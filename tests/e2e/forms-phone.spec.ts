/**
 * The forms and their confirmation pages on a 320 px wide phone (WCAG 1.4.10 reflow): nothing
 * may scroll sideways, in any state. Each state leaves a full-page screenshot in test-results/
 * for a person to look at.
 */
import { FORMS } from '../../src/lib/forms.ts';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { CONSULTATION_LABELS } from '../../src/schemas/consultation.ts';
import { STATUS_LABELS } from '../../src/schemas/status.ts';
import {
  examples,
  expectNoHorizontalScroll,
  fillConsultation,
  hydrated,
  inScriptedCopy,
  shownReference,
  staffReply,
  submitComplaint,
  submitConsultation,
} from './form-fixtures.ts';

test.use({ viewport: { width: 320, height: 640 }, serviceWorkers: 'block' });

interface State {
  title: string;
  /** The screenshot's file name. */
  shot: string;
  reach: (page: Page, request: APIRequestContext) => Promise<void>;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrated(page);
}

/** A reference read back over the phone must not break in the middle ("KS-2611-HMMD" / "52"). */
async function expectOnOneLine(element: Locator, text: string): Promise<void> {
  await expect(element).toHaveText(text);
  const lines = await element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines, `${text} is broken over lines`).toBe(1);
}

const states: State[] = [
  {
    title: 'the consultation form',
    shot: 'konsultasi',
    reach: (page) => open(page, '/konsultasi/'),
  },
  {
    title: 'the consultation form with errors',
    shot: 'konsultasi-kesalahan',
    reach: async (page) => {
      await open(page, '/konsultasi/');
      await page.getByRole('button', { name: 'Lanjutkan' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    title: 'the consultation form with suggested answers',
    shot: 'konsultasi-saran',
    reach: async (page) => {
      await open(page, '/konsultasi/');
      await page
        .getByLabel(CONSULTATION_LABELS.question, { exact: true })
        .fill('berapa biaya konsultasi');
      await expect(
        page.getByRole('heading', { name: 'Mungkin jawaban ini membantu' }),
      ).toBeVisible();
    },
  },
  {
    title: 'check your answers',
    shot: 'konsultasi-periksa',
    reach: async (page) => {
      await open(page, '/konsultasi/');
      await fillConsultation(page, examples.consultation);
      await page.getByRole('button', { name: 'Lanjutkan' }).click();
      await expect(page.getByRole('heading', { name: 'Periksa jawaban Anda' })).toBeFocused();
    },
  },
  {
    title: 'the consultation confirmation (reference on one line)',
    shot: 'konsultasi-terkirim',
    reach: async (page, request) => {
      const { reference, dueDate } = await submitConsultation(request);
      await page.goto(
        `/konsultasi/terkirim/?${new URLSearchParams({ ref: reference, due: dueDate })}`,
      );
      await expectOnOneLine(shownReference(page), reference);
    },
  },
  { title: 'the complaint form', shot: 'pengaduan', reach: (page) => open(page, '/pengaduan/') },
  {
    title: 'the complaint form with errors',
    shot: 'pengaduan-kesalahan',
    reach: async (page) => {
      await open(page, '/pengaduan/');
      await page.getByRole('radio', { name: /^Terbuka/ }).check();
      await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    title: 'the complaint confirmation (reference on one line)',
    shot: 'pengaduan-terkirim',
    reach: async (page, request) => {
      const { reference, dueDate } = await submitComplaint(request);
      await page.goto(
        `/pengaduan/terkirim/?${new URLSearchParams({ ref: reference, due: dueDate })}`,
      );
      await expectOnOneLine(shownReference(page), reference);
    },
  },
  { title: 'the rating form', shot: 'penilaian', reach: (page) => open(page, '/penilaian/') },
  {
    title: 'the rating form with errors',
    shot: 'penilaian-kesalahan',
    reach: async (page) => {
      await open(page, '/penilaian/');
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    title: 'the rating thanks with the IKM',
    shot: 'penilaian-terkirim',
    reach: async (page) => void (await page.goto('/penilaian/terkirim/')),
  },
  { title: 'the status form', shot: 'status', reach: (page) => open(page, '/status/') },
  {
    title: "a closed request's status with a staff reply",
    shot: 'status-hasil',
    reach: async (page, request) => {
      const { reference } = await submitConsultation(request);
      await staffReply(
        request,
        reference,
        'Data tersedia di publikasi Kecamatan Dalam Angka 2025, tabel 4.1 (jumlah penduduk miskin menurut kecamatan).',
        'selesai',
      );
      await open(page, '/status/');
      await page.getByLabel(STATUS_LABELS.reference, { exact: true }).fill(reference);
      await page.getByLabel(STATUS_LABELS.email, { exact: true }).fill(examples.consultation.email);
      await page.getByRole('button', { name: 'Cek status' }).click();
      await expect(
        page.locator('.status-result').getByRole('link', { name: FORMS.penilaian.link }),
      ).toBeVisible();
    },
  },
];

for (const { title, shot, reach } of states) {
  test(`${title} fits 320 px without scrolling sideways`, async ({ page, request }, testInfo) => {
    await reach(page, request);
    const path = testInfo.outputPath(`${shot}-320.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${shot}-320`, { path, contentType: 'image/png' });
    await expectNoHorizontalScroll(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("the endpoint's error page fits 320 px without scrolling sideways", async ({
    page,
    browser,
  }, testInfo) => {
    await page.goto('/pengaduan/');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(page).toHaveTitle(/^Kesalahan: /);
    const path = testInfo.outputPath('pengaduan-kesalahan-tanpa-js-320.png');
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach('pengaduan-kesalahan-tanpa-js-320', { path, contentType: 'image/png' });
    await inScriptedCopy(page, browser, expectNoHorizontalScroll);
  });
});
