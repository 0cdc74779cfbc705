/**
 * The citizen forms with JavaScript off: each is a plain HTML form posting urlencoded to the
 * endpoint, which answers with a 303 to the confirmation page or with its own error page (the
 * form again, filled in, errors on top). With JavaScript: forms.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatDate } from '../../src/lib/working-days.ts';
import {
  COMPLAINT_LABELS,
  COMPLAINT_LIMITS,
  IDENTITY_LABELS,
} from '../../src/schemas/complaint.ts';
import { CONSULTATION_LABELS, CONSULTATION_LIMITS } from '../../src/schemas/consultation.ts';
import { REFERENCE_MAX_LENGTH } from '../../src/schemas/fields.ts';
import { MESSAGES_ID as M } from '../../src/schemas/messages.ts';
import { ANSWER_FIELDS, RATING_LABELS, RATING_LIMITS } from '../../src/schemas/rating.ts';
import { STATUS_LABELS } from '../../src/schemas/status.ts';
import {
  examples,
  expectNoAxeViolationsWithoutScripts,
  fillComplaint,
  fillConsultation,
  fillRating,
  ratingQuestion,
  shownDueDate,
  shownReference,
  staffReply,
  stored,
  submitConsultation,
  openedAMinuteAgo,
  uniqueText,
} from './form-fixtures.ts';

test.use({ javaScriptEnabled: false, serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
  await openedAMinuteAgo(page);
});

/** The endpoint's error summary (an alert listing each error as a link to its field). */
const errorSummary = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' });

test.describe('consultation request without JavaScript', () => {
  const L = CONSULTATION_LABELS;

  test('is sent in one press and the confirmation shows the stored reference and due date', async ({
    page,
  }) => {
    await page.goto('/konsultasi/');
    await fillConsultation(page, examples.consultation);
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();

    await expect(page).toHaveURL(/\/konsultasi\/terkirim\/\?ref=/);
    const row = await stored.request((await shownReference(page).textContent()) ?? '');
    expect(row).toMatchObject({
      kind: 'konsultasi',
      name: examples.consultation.name,
      email: examples.consultation.email,
      channel: examples.consultation.channel,
      spam: false,
    });
    // A plain form sends line breaks as CRLF (HTML form submission); the island sends LF.
    expect(row?.question?.replaceAll('\r\n', '\n')).toBe(examples.consultation.question);
    await expect(shownDueDate(page)).toHaveText(formatDate(row?.dueDate ?? ''));
  });

  test("an empty post comes back as the endpoint's error page, which can then be corrected and sent", async ({
    page,
  }) => {
    await page.goto('/konsultasi/');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/consultations')),
      page.getByRole('button', { name: 'Kirim permintaan' }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page).toHaveTitle(/^Kesalahan: Ajukan konsultasi statistik/);
    await expect(errorSummary(page).getByRole('link')).toHaveText([
      M['name.required'],
      M['email.required'],
      M['topic.required'],
      M['question.required'],
      M['channel.required'],
      M['consent.required'],
    ]);
    const email = page.getByLabel(L.email, { exact: true });
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(
      new RegExp(`Kesalahan: ${M['email.required']}$`),
    );
    await errorSummary(page).getByRole('link', { name: M['email.required'] }).click();
    await expect(email).toBeFocused();

    await fillConsultation(page, examples.consultation);
    await page.getByRole('button', { name: 'Kirim' }).click();
    await expect(page).toHaveURL(/\/konsultasi\/terkirim\/\?ref=/);
    expect(await stored.request((await shownReference(page).textContent()) ?? '')).toMatchObject({
      email: examples.consultation.email,
    });
  });

  test("the fields carry the schema's limits as HTML attributes", async ({ page }) => {
    await page.goto('/konsultasi/');
    for (const [label, max, required] of [
      [L.name, CONSULTATION_LIMITS.name, true],
      [L.email, CONSULTATION_LIMITS.email, true],
      [L.phone, CONSULTATION_LIMITS.phone, false],
      [L.topic, CONSULTATION_LIMITS.topic, true],
      [L.question, CONSULTATION_LIMITS.question, true],
    ] as const) {
      const field = page.getByLabel(label, { exact: true });
      await expect(field, label).toHaveAttribute('maxlength', String(max));
      if (required) await expect(field, label).toHaveAttribute('required', '');
      else await expect(field, label).not.toHaveAttribute('required');
    }
    await expect(page.getByLabel(L.email, { exact: true })).toHaveAttribute('type', 'email');
    await expect(page.getByRole('checkbox', { name: L.consent })).toHaveAttribute('required', '');
    await expect(
      page.getByRole('group', { name: L.channel }).getByRole('radio').first(),
    ).toHaveAttribute('required', '');
    // The browser's own checks stay off; the endpoint explains every error in words.
    await expect(page.getByRole('main').locator('form')).toHaveAttribute('novalidate', '');
  });
});

test.describe('complaint without JavaScript', () => {
  const L = COMPLAINT_LABELS;

  test("the endpoint's error page keeps everything typed, and the corrected complaint is stored", async ({
    page,
  }) => {
    const answers = examples.complaint;
    await page.goto('/pengaduan/');
    await fillComplaint(page, { ...answers, email: 'andi.pratama@contoh', consent: false });
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();

    await expect(page).toHaveTitle(/^Kesalahan: Sampaikan pengaduan/);
    await expect(errorSummary(page).getByRole('link')).toHaveText([
      M['email.invalid'],
      M['consent.required'],
    ]);
    await expect(
      page.getByRole('radio', { name: 'Waktu pelayanan (lambat atau tidak dijawab)' }),
    ).toBeChecked();
    await expect(page.getByLabel(L.description, { exact: true })).toHaveValue(answers.description);
    await expect(page.getByLabel(L.reference, { exact: true })).toHaveValue(
      answers.reference ?? '',
    );
    await expect(page.getByRole('radio', { name: IDENTITY_LABELS.terbuka })).toBeChecked();
    await expect(page.getByLabel(L.name, { exact: true })).toHaveValue(answers.name ?? '');
    await expect(page.getByLabel(L.email, { exact: true })).toHaveValue('andi.pratama@contoh');
    await expect(page.getByLabel(L.email, { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await fillComplaint(page, { email: answers.email, consent: true });
    await page.getByRole('button', { name: 'Kirim' }).click();
    await expect(page).toHaveURL(/\/pengaduan\/terkirim\/\?ref=/);
    const row = await stored.request((await shownReference(page).textContent()) ?? '');
    expect(row).toMatchObject({
      kind: 'pengaduan',
      category: answers.category,
      description: answers.description,
      relatedReference: answers.reference,
      name: answers.name,
      email: answers.email,
    });
    // The standard sets no time limit for complaints, so the page promises none.
    await expect(shownDueDate(page)).toHaveCount(0);
  });

  test('an anonymous complaint is stored without the name and email typed into the visible fields', async ({
    page,
  }) => {
    const answers = examples.anonymousComplaint;
    await page.goto('/pengaduan/');
    // Without JavaScript every field shows; the endpoint drops the contact data.
    await fillComplaint(page, answers);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(page).toHaveURL(/\/pengaduan\/terkirim\/\?ref=/);
    const row = await stored.request((await shownReference(page).textContent()) ?? '');
    expect(row).toMatchObject({
      identity: 'anonim',
      description: answers.description,
    });
    // Nothing stored: absent, not even empty.
    for (const field of ['name', 'email', 'phone'] as const)
      expect(row?.[field], field).toBeUndefined();
  });

  test("the fields carry the schema's limits as HTML attributes", async ({ page }) => {
    await page.goto('/pengaduan/');
    await expect(page.getByLabel(L.description, { exact: true })).toHaveAttribute(
      'maxlength',
      String(COMPLAINT_LIMITS.description),
    );
    await expect(page.getByLabel(L.description, { exact: true })).toHaveAttribute('required', '');
    await expect(page.getByLabel(L.reference, { exact: true })).toHaveAttribute(
      'maxlength',
      String(REFERENCE_MAX_LENGTH),
    );
    await expect(page.getByLabel(L.name, { exact: true })).toHaveAttribute(
      'maxlength',
      String(COMPLAINT_LIMITS.name),
    );
    await expect(page.getByLabel(L.email, { exact: true })).toHaveAttribute(
      'maxlength',
      String(COMPLAINT_LIMITS.email),
    );
    // Contact details are required only for an open or confidential complaint, so not by HTML.
    await expect(page.getByLabel(L.email, { exact: true })).not.toHaveAttribute('required');
  });
});

test.describe('IKM rating without JavaScript', () => {
  test('is stored and the thanks page shows the current IKM', async ({ page }, testInfo) => {
    const comment = uniqueText(testInfo, examples.rating.comment ?? '');
    await page.goto('/penilaian/');
    await expect(page.getByLabel(RATING_LABELS.comment, { exact: true })).toHaveAttribute(
      'maxlength',
      String(RATING_LIMITS.comment),
    );
    for (const index of ANSWER_FIELDS.keys()) {
      await expect(ratingQuestion(page, index).getByRole('radio').first()).toHaveAttribute(
        'required',
        '',
      );
    }
    await fillRating(page, { ...examples.rating, comment });
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();

    await expect(page).toHaveURL(/\/penilaian\/terkirim\/$/);
    const [row] = stored.ratingsWithComment(comment);
    expect(row).toMatchObject({ reference: null, spam: 0 });
    for (const field of ANSWER_FIELDS) expect(row[field], field).toBe(examples.rating[field]);
    await expect(page.getByRole('main').getByRole('definition').first()).toHaveText(
      /^\s*\d{2,3},\d{2} dari 100\s*$/,
    );
  });
});

test.describe('status lookup without JavaScript', () => {
  const L = STATUS_LABELS;

  test("the endpoint's status page shows the staff reply", async ({ page, request, browser }) => {
    const { reference } = await submitConsultation(request);
    const reply = 'Data tersedia di publikasi Kecamatan Dalam Angka 2025, tabel 4.1.';
    await staffReply(request, reference, reply);

    await page.goto('/status/');
    await page.getByLabel(L.reference, { exact: true }).fill(reference.toLowerCase());
    await page.getByLabel(L.email, { exact: true }).fill(examples.consultation.email);
    await page.getByRole('button', { name: 'Cek status' }).click();

    // The endpoint draws the status page with the same component as the site's island.
    await expect(
      page.getByRole('heading', { level: 2, name: `${reference}: Menunggu tanggapan Anda` }),
    ).toBeVisible();
    await expect(page.locator('.conversation .from-petugas')).toContainText(reply);
    await expectNoAxeViolationsWithoutScripts(page, browser);
  });

  test("a wrong email is refused on the endpoint's error page, with the reference kept", async ({
    page,
    request,
  }) => {
    const { reference } = await submitConsultation(request);
    await page.goto('/status/');
    await page.getByLabel(L.reference, { exact: true }).fill(reference);
    await page.getByLabel(L.email, { exact: true }).fill('orang.lain@contoh.co.id');
    await page.getByRole('button', { name: 'Cek status' }).click();

    await expect(page).toHaveTitle(/^Kesalahan: Cek status permintaan/);
    await expect(errorSummary(page)).toContainText('Nomor permintaan dan alamat email tidak cocok');
    await expect(page.getByLabel(L.reference, { exact: true })).toHaveValue(reference);
  });

  test("a closed request's status page links to the rating form with its reference", async ({
    page,
    request,
  }) => {
    const { reference } = await submitConsultation(request);
    await staffReply(request, reference, 'Jawaban sudah dikirim lewat email.', 'selesai');
    await page.goto('/status/');
    await page.getByLabel(L.reference, { exact: true }).fill(reference);
    await page.getByLabel(L.email, { exact: true }).fill(examples.consultation.email);
    await page.getByRole('button', { name: 'Cek status' }).click();
    await expect(page.getByRole('link', { name: /penilaian/i })).toHaveAttribute(
      'href',
      new RegExp(`/penilaian/\\?ref=${reference}&kunci=[\\w-]{22,}$`),
    );
  });
});

// Each a test of its own, so a finding on one page does not hide the others.
test.describe("the endpoint's error pages pass axe", () => {
  const posts: {
    form: string;
    path: string;
    button: string;
    answers?: (page: Page) => Promise<void>;
  }[] = [
    { form: 'consultation', path: '/konsultasi/', button: 'Kirim permintaan' },
    {
      form: 'complaint',
      path: '/pengaduan/',
      button: 'Kirim pengaduan',
      answers: (page) =>
        fillComplaint(page, {
          ...examples.complaint,
          email: 'andi.pratama@contoh',
          consent: false,
        }),
    },
    { form: 'rating', path: '/penilaian/', button: 'Kirim penilaian' },
    { form: 'status lookup', path: '/status/', button: 'Cek status' },
  ];
  for (const { form, path, button, answers } of posts) {
    test(`${form}`, async ({ page, browser }) => {
      await page.goto(path);
      await answers?.(page);
      await page.getByRole('button', { name: button }).click();
      await expect(page).toHaveTitle(/^Kesalahan: /);
      await expectNoAxeViolationsWithoutScripts(page, browser);
    });
  }
});

test.describe('page feedback without JavaScript', () => {
  const feedbackForm = (page: Page) =>
    page.getByRole('group', { name: 'Apakah halaman ini membantu?' });
  const thanks = (page: Page) => page.getByText('Terima kasih atas masukan Anda.');

  test('"Ya" comes back to the same page with the thanks shown', async ({ page }) => {
    const path = '/kontak/';
    const since = new Date().toISOString();
    await page.goto(path);
    await expect(thanks(page)).toBeHidden();
    await feedbackForm(page).getByRole('button', { name: 'Ya' }).click();

    await expect(page).toHaveURL(`${path}#terima-kasih`);
    await expect(thanks(page)).toBeVisible();
    // A "Ya" carries nothing of its own to find it by; any other test's rows only add to these.
    expect(stored.feedbackSince(path, since)).toContainEqual(
      expect.objectContaining({ helpful: 1, comment: null }),
    );
  });

  test('"Tidak" with a comment stores both', async ({ page }, testInfo) => {
    const path = '/faq/hari-kerja/';
    const comment = uniqueText(testInfo, 'Tolong sebutkan juga jam istirahat.');
    await page.goto(path);
    await feedbackForm(page).getByText('Tambahkan komentar (opsional)').click();
    await page.getByLabel('Apa yang kurang atau bisa diperbaiki?').fill(comment);
    await feedbackForm(page).getByRole('button', { name: 'Tidak' }).click();

    await expect(page).toHaveURL(`${path}#terima-kasih`);
    await expect(thanks(page)).toBeVisible();
    expect(stored.feedbackWithComment(comment)).toEqual([
      expect.objectContaining({ page: path, helpful: 0 }),
    ]);
  });
});
