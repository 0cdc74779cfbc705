/**
 * The conversation as a citizen lives it, with and without JavaScript, at 320 px: the first
 * request from an address, the confirmation link from the mail, "Permintaan saya", the
 * personal link to the thread, an answer back to the officer, and the close with its rating
 * link. axe in every state.
 */
import { expect, test, type Page } from '@playwright/test';
import { MESSAGE_LABELS } from '../../src/schemas/message.ts';
import { expectNoAxeViolations } from './support.ts';
import {
  examples,
  expectNoAxeViolationsWithoutScripts,
  fillConsultation,
  hydrated,
  openedAMinuteAgo,
  staffReply,
} from './form-fixtures.ts';
import { serverEnv } from '../../playwright.config.ts';

const staffHeaders = { Authorization: `Bearer ${serverEnv.STAFF_TOKEN}` };

/** An address no other test uses, so this one's first request is really a first. */
const newAddress = (label: string) =>
  `warga.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@contoh.co.id`;

/**
 * The server stamps the reply form of a status page it fills; like openedAMinuteAgo for the
 * form pages, the stamp is moved back a minute so the test's fast typing is not taken for a bot.
 */
async function statusPagesOpenedAMinuteAgo(page: Page): Promise<void> {
  await page.route(/\/status\/\?/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /name="form_started_at" value="(\d+)"/g,
      (_, at: string) => `name="form_started_at" value="${Number(at) - 60_000}"`,
    );
    const {
      'content-encoding': _encoding,
      'content-length': _length,
      ...headers
    } = response.headers();
    await route.fulfill({ response, body: html, headers });
  });
}

/** The link in the confirmation mail (read from the outbox: no SMTP server runs here). */
async function confirmationLink(page: Page, email: string): Promise<string> {
  const outbox = await page.request.get('/api/staff/outbox?pending=1', { headers: staffHeaders });
  const { items } = (await outbox.json()) as {
    items: { to: string; text: string; purpose: string }[];
  };
  const mail = items.find((m) => m.purpose === 'confirmation' && m.to === email);
  expect(mail, 'a confirmation mail to the new address').toBeDefined();
  // Anyone can type another's address: the mail carries none of what was typed.
  expect(mail!.text).not.toContain(examples.consultation.question.slice(0, 40));
  const link = /https?:\/\/\S+\/akun\/konfirmasi\/\?token=[\w-]+/.exec(mail!.text)?.[0] ?? '';
  return new URL(link).pathname + new URL(link).search;
}

for (const javaScript of [true, false]) {
  test.describe(`the conversation ${javaScript ? 'with' : 'without'} JavaScript`, () => {
    test.use({
      javaScriptEnabled: javaScript,
      serviceWorkers: 'block',
      viewport: { width: 320, height: 720 },
    });

    test('register by the mailed link, open the thread from Permintaan saya, answer back, be asked to rate', async ({
      page,
      browser,
    }) => {
      // One journey through six pages, each checked by axe: longer than a single form's test.
      test.setTimeout(90_000);
      const axe = javaScript
        ? () => expectNoAxeViolations(page)
        : () => expectNoAxeViolationsWithoutScripts(page, browser);
      const email = newAddress(javaScript ? 'js' : 'nojs');
      await openedAMinuteAgo(page);
      await statusPagesOpenedAMinuteAgo(page);

      await page.goto('/konsultasi/');
      if (javaScript) await hydrated(page);
      await fillConsultation(page, { ...examples.consultation, email });
      // With JavaScript, the answers that may already help come first.
      if (javaScript) await page.getByRole('button', { name: 'Lanjutkan' }).click();
      await page.getByRole('button', { name: 'Kirim permintaan' }).click();
      await expect(page).toHaveURL(/\/konsultasi\/terkirim\/\?ref=.*konfirmasi=1/);
      const reference = new URL(page.url()).searchParams.get('ref') ?? '';
      await expect(page.getByRole('main')).toContainText('konfirmasi');
      await axe();

      // The mail's link opens a page with a button; only the press confirms.
      await page.goto(await confirmationLink(page, email));
      await axe();
      await page.getByRole('button', { name: 'Konfirmasi alamat email saya' }).click();
      await expect(page).toHaveURL(/\/akun\/\?selesai=dikonfirmasi/);
      await expect(page.getByRole('status')).toContainText('Alamat email Anda sudah dikonfirmasi');
      await axe();

      // The officer asks something back (staff API), then the citizen opens the thread.
      await staffReply(page.request, reference, 'Untuk tahun berapa data yang Anda perlukan?');
      await page.reload();
      await page.getByRole('link', { name: new RegExp(reference) }).click();
      await expect(page).toHaveURL(/\/status\//);
      const thread = page.locator('.conversation');
      await expect(thread).toContainText('Untuk tahun berapa data yang Anda perlukan?');
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(reference) }),
      ).toContainText('Menunggu tanggapan Anda');
      if (javaScript) {
        // The key leaves the address bar once read (it must not stay in the history).
        await expect(page).not.toHaveURL(/kunci=/);
      }
      await axe();

      await page
        .getByLabel(MESSAGE_LABELS.message, { exact: true })
        .fill('Tahun 2024, per kecamatan.');
      await page.getByRole('button', { name: 'Kirim pesan' }).click();
      await expect(thread.locator('.from-anda:not(.event)').last()).toContainText(
        'Tahun 2024, per kecamatan.',
      );
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(reference) }),
      ).toContainText('Sedang diproses');
      await axe();

      // Closed: no reply form any more, a rating link with the request's own key.
      await staffReply(page.request, reference, 'Datanya ada di tabel 4.1.', 'selesai');
      await page.goto('/akun/');
      await page.getByRole('link', { name: new RegExp(reference) }).click();
      await expect(page.getByLabel(MESSAGE_LABELS.message, { exact: true })).toHaveCount(0);
      await expect(
        page.getByRole('main').getByRole('link', { name: 'Beri penilaian' }),
      ).toHaveAttribute('href', new RegExp(`/penilaian/\\?ref=${reference}&kunci=[\\w-]{22,}$`));
      await axe();
    });
  });
}
