/**
 * The citizen forms with JavaScript: the Preact islands on /konsultasi/, /pengaduan/,
 * /penilaian/, /status/ and the page feedback script, against the real endpoint (`npm start`
 * with a fresh database). Without JavaScript: forms-nojs.spec.ts; at 320 px: forms-phone.spec.ts.
 */
import { FORMS } from '../../src/lib/forms.ts';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Response } from '@playwright/test';
import { IKM_ELEMENTS, ikmBand } from '../../src/lib/ikm.ts';
import { formatDate } from '../../src/lib/working-days.ts';
import { COMPLAINT_LABELS, IDENTITY_LABELS } from '../../src/schemas/complaint.ts';
import { CHANNEL_LABELS, CONSULTATION_LABELS } from '../../src/schemas/consultation.ts';
import { MESSAGES_ID as M } from '../../src/schemas/messages.ts';
import { ANSWER_FIELDS, RATING_LABELS } from '../../src/schemas/rating.ts';
import { STATUS_LABELS } from '../../src/schemas/status.ts';
import {
  examples,
  fillComplaint,
  fillConsultation,
  fillRating,
  hydrated,
  openedAMinuteAgo,
  ratingQuestion,
  shownDueDate,
  shownReference,
  staffReply,
  stored,
  submitConsultation,
  tapAnswer,
  uniqueText,
} from './form-fixtures.ts';
import { expectNoAxeViolations } from './support.ts';

// The service worker has its own spec (offline.spec.ts). Here it would precache the whole site
// in every fresh browser context and answer from its cache instead of the server under test.
test.use({ serviceWorkers: 'block' });

const errorSummary = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' });
/** The box that takes focus: the alert's parent, labelled by the summary's heading. */
const errorSummaryBox = (page: Page) => page.locator('.error-summary');

async function openConsultationForm(page: Page): Promise<void> {
  await page.goto('/konsultasi/');
  await hydrated(page);
  // The island is ready (draft read) once the first button press means "continue".
  await expect(page.getByRole('button', { name: 'Lanjutkan' })).toBeVisible();
}

test.describe('consultation request', () => {
  const L = CONSULTATION_LABELS;

  test('the empty form passes axe', async ({ page }) => {
    await openConsultationForm(page);
    await expectNoAxeViolations(page);
  });

  test('an empty submit shows a focused error summary whose links lead to each field', async ({
    page,
  }) => {
    await openConsultationForm(page);
    await page.getByRole('button', { name: 'Lanjutkan' }).click();

    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Kesalahan: Ajukan konsultasi statistik/);
    const links = errorSummary(page).getByRole('link');
    await expect(links).toHaveText([
      M['name.required'],
      M['email.required'],
      M['topic.required'],
      M['question.required'],
      M['channel.required'],
      M['consent.required'],
    ]);

    // Each message also stands next to its field, joined by aria-describedby.
    for (const [label, message] of [
      [L.name, M['name.required']],
      [L.email, M['email.required']],
      [L.topic, M['topic.required']],
      [L.question, M['question.required']],
    ]) {
      const input = page.getByLabel(label, { exact: true });
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAccessibleDescription(new RegExp(`Kesalahan: ${message}`));
    }
    await expect(page.getByRole('group', { name: L.channel })).toHaveAccessibleDescription(
      `Kesalahan: ${M['channel.required']}`,
    );
    await expect(page.getByRole('checkbox', { name: L.consent })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // The optional field is not marked.
    await expect(page.getByLabel(L.phone, { exact: true })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await links.filter({ hasText: M['email.required'] }).click();
    await expect(page.getByLabel(L.email, { exact: true })).toBeFocused();
    await links.filter({ hasText: M['channel.required'] }).click();
    await expect(page.getByRole('radio', { name: CHANNEL_LABELS.percakapan_online })).toBeFocused();
    await links.filter({ hasText: M['consent.required'] }).click();
    await expect(page.getByRole('checkbox', { name: L.consent })).toBeFocused();

    await expectNoAxeViolations(page);
  });

  test('an invalid email and a missing consent are reported, and everything typed stays', async ({
    page,
  }) => {
    const answers = { ...examples.consultation, email: 'siti.rahmawati@contoh', consent: false };
    await openConsultationForm(page);
    await fillConsultation(page, answers);
    await page.getByRole('button', { name: 'Lanjutkan' }).click();

    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(errorSummary(page).getByRole('link')).toHaveText([
      M['email.invalid'],
      M['consent.required'],
    ]);
    await expect(page.getByLabel(L.email, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(L.name, { exact: true })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByLabel(L.name, { exact: true })).toHaveValue(answers.name);
    await expect(page.getByLabel(L.email, { exact: true })).toHaveValue(answers.email);
    await expect(page.getByLabel(L.question, { exact: true })).toHaveValue(answers.question);
    await expect(page.getByRole('radio', { name: CHANNEL_LABELS[answers.channel] })).toBeChecked();

    // Corrected, the form goes on and the title loses its prefix.
    await fillConsultation(page, { email: examples.consultation.email, consent: true });
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await expect(page.getByRole('heading', { name: 'Periksa jawaban Anda' })).toBeFocused();
    await expect(page).toHaveTitle(/^Ajukan konsultasi statistik/);
  });

  test('an error the endpoint reports is shown in the same summary, next to its field', async ({
    page,
  }) => {
    // The browser and the endpoint run the same schema, so no answer passes one and fails the
    // other; the endpoint's 422 is therefore played back here.
    const message = 'Alamat email ini tidak dapat menerima surat dari kami. Periksa ejaannya.';
    await page.route('**/api/consultations', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'validation_failed',
            message: 'Ada isian yang perlu diperbaiki.',
            fields: { email: message },
          },
        }),
      }),
    );
    await openConsultationForm(page);
    await fillConsultation(page, examples.consultation);
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();

    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Kesalahan: /);
    await expect(errorSummary(page).getByRole('link')).toHaveText([message]);
    const email = page.getByLabel(L.email, { exact: true });
    await expect(email).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(new RegExp(`Kesalahan: ${message}`));
    await expect(email).toHaveValue(examples.consultation.email);
    await errorSummary(page).getByRole('link', { name: message }).click();
    await expect(email).toBeFocused();
  });

  test('typed answers survive a reload and are forgotten once the request is sent', async ({
    page,
  }) => {
    await openConsultationForm(page);
    await fillConsultation(page, {
      name: examples.consultation.name,
      question: examples.consultation.question,
    });
    await page.reload();
    await hydrated(page);
    await expect(page.getByLabel(L.name, { exact: true })).toHaveValue(examples.consultation.name);
    await expect(page.getByLabel(L.question, { exact: true })).toHaveValue(
      examples.consultation.question,
    );

    await fillConsultation(page, {
      ...examples.consultation,
      name: undefined,
      question: undefined,
    });
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await expect(page).toHaveURL(/\/konsultasi\/terkirim\/\?ref=/);

    await openConsultationForm(page);
    await expect(page.getByLabel(L.name, { exact: true })).toHaveValue('');
    await expect(page.getByLabel(L.question, { exact: true })).toHaveValue('');
  });

  test('check your answers lists every answer, "Ubah" leads back to the field, and the sent reference is the stored one', async ({
    page,
  }) => {
    const answers = examples.consultation;
    const corrected = 'Siti Rahmawati Putri';
    await openedAMinuteAgo(page);
    await openConsultationForm(page);
    await fillConsultation(page, answers);
    await page.getByRole('button', { name: 'Lanjutkan' }).click();

    const check = page.getByRole('region', { name: 'Periksa jawaban Anda' });
    await expect(page.getByRole('heading', { name: 'Periksa jawaban Anda' })).toBeFocused();
    await expect(check.getByRole('term')).toHaveText([
      L.name,
      L.email,
      L.phone,
      L.topic,
      L.question,
      L.channel,
    ]);
    for (const answer of [
      answers.name,
      answers.email,
      answers.phone ?? '',
      answers.topic,
      answers.question,
      CHANNEL_LABELS[answers.channel],
    ]) {
      await expect(check.getByRole('definition').filter({ hasText: answer }).first()).toBeVisible();
    }
    // The fields are out of sight while the answers are checked.
    await expect(page.getByLabel(L.name, { exact: true })).toBeHidden();
    await expectNoAxeViolations(page);

    await check.getByRole('button', { name: `Ubah ${L.name.toLowerCase()}` }).click();
    const name = page.getByLabel(L.name, { exact: true });
    await expect(name).toBeFocused();
    await name.fill(corrected);
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await expect(check.getByRole('definition').filter({ hasText: corrected })).toBeVisible();

    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await expect(page).toHaveURL(/\/konsultasi\/terkirim\/\?ref=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Permintaan konsultasi terkirim',
    );
    const reference = (await shownReference(page).textContent()) ?? '';
    const row = await stored.request(reference);
    expect(row, `no stored request with the reference shown, "${reference}"`).not.toBeNull();
    expect(row).toMatchObject({
      kind: 'konsultasi',
      status: 'baru',
      name: corrected,
      email: answers.email,
      topic: answers.topic,
      question: answers.question,
      channel: answers.channel,
      // Filled in at a person's pace, it is taken as a person's request.
      spam: false,
    });
    await expect(shownDueDate(page)).toHaveText(formatDate(row?.dueDate ?? ''));
    expect(await page.evaluate(() => sessionStorage.getItem('draf:konsultasi'))).toBeNull();
    await expectNoAxeViolations(page);
  });

  test('answers to "berapa biaya konsultasi" are suggested while typing, and "this answered my question" is counted', async ({
    page,
  }) => {
    const pagefindRuntime: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/'))
        pagefindRuntime.push(request.url());
    });
    await openConsultationForm(page);
    await page.getByLabel(L.name, { exact: true }).fill(examples.consultation.name);
    expect(pagefindRuntime, 'Pagefind loaded before anything was asked').toEqual([]);

    await page.getByLabel(L.question, { exact: true }).pressSequentially('berapa biaya konsultasi');
    // Each suggested answer opens in a new tab and says so.
    const suggestions = page
      .getByRole('list')
      .filter({ has: page.getByRole('link', { name: /\(terbuka di tab baru\)$/ }) });
    await expect(page.getByRole('heading', { name: 'Mungkin jawaban ini membantu' })).toBeVisible();
    const answer = suggestions
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: /^Berapa biaya konsultasi statistik\?/ }) });
    await expect(answer).toBeVisible();
    await expect(answer.getByRole('link')).toHaveAttribute('href', '/faq/biaya/');
    // At most three, and each one an answer's own page (not the list of questions).
    const hrefs = await suggestions
      .getByRole('listitem')
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeLessThanOrEqual(3);
    for (const href of hrefs) expect(href).toMatch(/^\/faq\/[^/]+\/$/);
    await expectNoAxeViolations(page);

    const { answer: sent } = await tapAnswer<{ receivedAt: string }>(page, '/api/feedback');
    await answer.getByRole('button', { name: 'Ini menjawab pertanyaan saya' }).click();
    const {
      status,
      body: { receivedAt },
    } = await sent;
    expect(status).toBe(201);
    await expect(answer).toContainText(
      'Senang jawabannya membantu. Anda tidak perlu mengirim formulir ini.',
    );
    expect(stored.feedbackAt(receivedAt)).toEqual([
      expect.objectContaining({
        page: '/faq/biaya/',
        helpful: 1,
        context: 'saran_konsultasi',
        spam: 0,
      }),
    ]);
  });
});

test.describe('complaint', () => {
  const L = COMPLAINT_LABELS;

  async function openComplaintForm(page: Page): Promise<void> {
    await page.goto('/pengaduan/');
    await hydrated(page);
  }

  test('the empty form passes axe and keeps the WhatsApp and email channels in view', async ({
    page,
  }) => {
    await openComplaintForm(page);
    await expect(
      page.getByRole('main').getByRole('link', { name: '0812-9990-1408' }),
    ).toBeVisible();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'bps1408@bps.go.id' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an empty complaint lists every missing answer at once, in the order of the form', async ({
    page,
  }) => {
    await openComplaintForm(page);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(errorSummary(page).getByRole('link')).toHaveText([
      M['category.required'],
      M['description.required'],
      M['identity.required'],
    ]);
  });

  test('an open complaint without contact details or consent is refused field by field', async ({
    page,
  }) => {
    await openComplaintForm(page);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(errorSummaryBox(page)).toBeFocused();
    // Until an identity is chosen the schema (a variant on it) reports only the identity.
    await expect(
      errorSummary(page).getByRole('link', { name: M['identity.required'] }),
    ).toBeVisible();
    await expect(page).toHaveTitle(/^Kesalahan: Sampaikan pengaduan/);

    await fillComplaint(page, { identity: 'terbuka', email: 'andi@' });
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(errorSummaryBox(page)).toBeFocused();
    const links = errorSummary(page).getByRole('link');
    await expect(links).toHaveText([
      M['category.required'],
      M['description.required'],
      M['name.required'],
      M['email.invalid'],
      M['consent.required'],
    ]);
    await expect(page.getByLabel(L.email, { exact: true })).toHaveValue('andi@');
    await expect(page.getByLabel(L.description, { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByRole('group', { name: L.category })).toHaveAccessibleDescription(
      `Kesalahan: ${M['category.required']}`,
    );
    await links.filter({ hasText: M['description.required'] }).click();
    await expect(page.getByLabel(L.description, { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('an open complaint is sent and the reference shown is the stored complaint', async ({
    page,
  }) => {
    const answers = examples.complaint;
    await openedAMinuteAgo(page);
    await openComplaintForm(page);
    await fillComplaint(page, answers);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();

    await expect(page).toHaveURL(/\/pengaduan\/terkirim\/\?ref=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaduan terkirim');
    const row = await stored.request((await shownReference(page).textContent()) ?? '');
    expect(row).toMatchObject({
      kind: 'pengaduan',
      category: answers.category,
      description: answers.description,
      relatedReference: answers.reference,
      identity: 'terbuka',
      name: answers.name,
      email: answers.email,
      spam: false,
    });
    // The standard sets no time limit for complaints, so the page promises none.
    await expect(shownDueDate(page)).toHaveCount(0);
    expect(await page.evaluate(() => sessionStorage.getItem('draf:pengaduan'))).toBeNull();
    await expectNoAxeViolations(page);
  });

  test('choosing anonymous hides the contact fields and nothing identifying is stored', async ({
    page,
  }) => {
    const { name, email, ...answers } = examples.anonymousComplaint;
    await openComplaintForm(page);
    // Typed first, then the citizen changes their mind.
    await fillComplaint(page, { identity: 'terbuka', name, email });
    await fillComplaint(page, { ...answers, consent: false });
    await expect(page.getByLabel(L.name, { exact: true })).toBeHidden();
    await expect(page.getByLabel(L.email, { exact: true })).toBeHidden();
    await expect(page.getByRole('checkbox', { name: L.consent })).toBeHidden();
    await expect(page.getByRole('radio', { name: IDENTITY_LABELS.anonim })).toBeChecked();
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();

    await expect(page).toHaveURL(/\/pengaduan\/terkirim\/\?ref=/);
    const row = await stored.request((await shownReference(page).textContent()) ?? '');
    expect(row).toMatchObject({
      kind: 'pengaduan',
      identity: 'anonim',
      description: answers.description,
    });
    // Nothing stored: absent, not even empty.
    for (const field of ['name', 'email', 'phone'] as const)
      expect(row?.[field], field).toBeUndefined();
  });
});

test.describe('IKM rating', () => {
  test('the empty form passes axe, and an empty submit asks for each of the nine answers, naming each question', async ({
    page,
  }) => {
    await page.goto('/penilaian/');
    await hydrated(page);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Kesalahan: Penilaian layanan/);
    const links = errorSummary(page).getByRole('link');
    await expect(links).toHaveText(
      IKM_ELEMENTS.map(
        (element, index) => `${index + 1}. ${element.name}: ${M['answer.required']}`,
      ),
    );
    for (const index of ANSWER_FIELDS.keys()) {
      await expect(ratingQuestion(page, index)).toHaveAccessibleDescription(
        `Kesalahan: ${M['answer.required']}`,
      );
    }
    await links.nth(2).click();
    await expect(ratingQuestion(page, 2).getByRole('radio').first()).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('a rating linked with ?ref= keeps the reference, counts towards the IKM and shows the current score', async ({
    page,
    request,
  }) => {
    const { reference } = await submitConsultation(request);
    await openedAMinuteAgo(page);
    await page.goto(`/penilaian/?ref=${encodeURIComponent(reference)}`);
    await hydrated(page);
    await expect(page.getByLabel(RATING_LABELS.reference, { exact: true })).toHaveValue(reference);
    await fillRating(page, { ...examples.rating, reference });

    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await expect(page).toHaveURL(/\/penilaian\/terkirim\/$/);
    const ratings = stored.ratingsFor(reference);
    expect(ratings).toHaveLength(1);
    const [row] = ratings;
    expect(row).toMatchObject({ comment: examples.rating.comment, spam: 0 });
    for (const field of ANSWER_FIELDS) expect(row[field], field).toBe(examples.rating[field]);

    const facts = page.getByRole('main').getByRole('definition');
    const index = facts.nth(0);
    await expect(index).toHaveText(/^\s*\d{2,3},\d{2} dari 100\s*$/);
    const value = Number((await index.innerText()).trim().split(' ')[0].replace(',', '.'));
    const band = ikmBand(value);
    await expect(facts.nth(1)).toHaveText(`${band.grade} (${band.label})`);
    await expect(facts.nth(2)).toHaveText(/^[1-9]\d*$/);
    await expectNoAxeViolations(page);
  });
});

test.describe('status lookup', () => {
  const L = STATUS_LABELS;

  async function lookUp(page: Page, reference: string, email: string): Promise<void> {
    await page.goto('/status/');
    await hydrated(page);
    await page.getByLabel(L.reference, { exact: true }).fill(reference);
    await page.getByLabel(L.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Cek status' }).click();
  }

  test('the empty form passes axe, and an empty submit asks for the reference', async ({
    page,
  }) => {
    await page.goto('/status/');
    await hydrated(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cek status' }).click();
    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Kesalahan: Cek status/);
    await errorSummary(page).getByRole('link', { name: M['reference.required'] }).click();
    await expect(page.getByLabel(L.reference, { exact: true })).toBeFocused();
    await expect(page.getByLabel(L.reference, { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoAxeViolations(page);
  });

  test('a reference with the wrong email is refused by the endpoint in the same error summary', async ({
    page,
    request,
  }) => {
    const { reference } = await submitConsultation(request);
    await lookUp(page, reference, 'orang.lain@contoh.co.id');
    await expect(errorSummaryBox(page)).toBeFocused();
    await expect(errorSummaryBox(page)).toContainText(
      'Nomor permintaan dan alamat email tidak cocok',
    );
    await expect(page).toHaveTitle(/^Kesalahan: /);
    await expect(page.getByRole('heading', { name: new RegExp(reference) })).toHaveCount(0);
  });

  test('shows the staff reply made through the staff API, with no rating link while the request is open', async ({
    page,
    request,
  }) => {
    const { reference, dueDate } = await submitConsultation(request);
    const reply = 'Data tersedia di publikasi Kecamatan Dalam Angka 2025, tabel 4.1.';
    await staffReply(request, reference, reply);

    await lookUp(page, reference, examples.consultation.email.toUpperCase());
    const result = page.getByRole('region', { name: new RegExp(`^${reference}`) });
    await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(result.getByRole('heading', { level: 2 })).toHaveText(
      `${reference}: Menunggu tanggapan Anda`,
    );
    await expect(result).toContainText(formatDate(dueDate));
    await expect(result.getByRole('listitem').filter({ hasText: 'Petugas:' })).toContainText(reply);
    await expect(result.getByRole('link', { name: FORMS.penilaian.link })).toHaveCount(0);
  });

  test('a closed request links to the rating form with its reference filled in', async ({
    page,
    request,
  }) => {
    const { reference } = await submitConsultation(request);
    await staffReply(
      request,
      reference,
      'Jawaban sudah dikirim lewat email. Terima kasih.',
      'selesai',
    );

    await lookUp(page, reference, examples.consultation.email);
    const result = page.getByRole('region', { name: new RegExp(`^${reference}`) });
    await expect(result.getByRole('heading', { level: 2 })).toHaveText(`${reference}: Selesai`);
    await expectNoAxeViolations(page);
    await result.getByRole('link', { name: FORMS.penilaian.link }).click();
    await expect(page).toHaveURL(`/penilaian/?ref=${reference}`);
    await hydrated(page);
    await expect(page.getByLabel(RATING_LABELS.reference, { exact: true })).toHaveValue(reference);
  });
});

test.describe('page feedback', () => {
  const feedbackForm = (page: Page) =>
    page.getByRole('group', { name: 'Apakah halaman ini membantu?' });
  const thanks = (page: Page) => page.getByText('Terima kasih atas masukan Anda.');

  test('"Ya" is sent at once and thanked', async ({ page }) => {
    const { page: path } = examples.feedback;
    await page.goto(path);
    const { answer } = await tapAnswer<{ receivedAt: string }>(page, '/api/feedback');
    await feedbackForm(page).getByRole('button', { name: 'Ya' }).click();
    const {
      body: { receivedAt },
    } = await answer;
    await expect(thanks(page)).toBeFocused();
    await expect(feedbackForm(page)).toBeHidden();
    expect(stored.feedbackAt(receivedAt)).toEqual([
      expect.objectContaining({ page: path, helpful: 1, comment: null, context: null }),
    ]);
    await expectNoAxeViolations(page);
  });

  test('"Tidak" first opens the comment box, then sends the answer with the comment', async ({
    page,
  }, testInfo) => {
    const path = '/prosedur/online/';
    const comment = uniqueText(testInfo, 'Langkahnya kurang jelas untuk pengguna WhatsApp.');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/feedback')) posts.push(request.url());
    });
    await page.goto(path);
    await feedbackForm(page).getByRole('button', { name: 'Tidak' }).click();
    const box = page.getByLabel('Apa yang kurang atau bisa diperbaiki?');
    await expect(box).toBeFocused();
    expect(posts, 'sent before the comment could be written').toEqual([]);

    await box.fill(comment);
    await feedbackForm(page).getByRole('button', { name: 'Tidak' }).click();
    await expect(thanks(page)).toBeFocused();
    expect(stored.feedbackWithComment(comment)).toEqual([
      expect.objectContaining({ page: path, helpful: 0, context: null }),
    ]);
    expect(posts).toHaveLength(1);
  });
});

test('each form page ships at most 20 KB gz JavaScript, and Pagefind only once suggestions are needed', async ({
  page,
}) => {
  // Everything the page runs: Preact, the island and its chunks (valibot, auto-animate, form
  // kit), Astro's island runtime, the site's own scripts; gzip -9 as the server sends them.
  const BUDGET = 20 * 1024;
  const report: string[] = [];
  const details: string[] = [];
  for (const path of ['/konsultasi/', '/pengaduan/', '/penilaian/', '/status/']) {
    const scripts = new Map<string, Promise<Buffer>>();
    const collect = (response: Response) => {
      if (new URL(response.url()).pathname.endsWith('.js'))
        scripts.set(response.url(), response.body());
    };
    page.on('response', collect);
    await page.goto(path);
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    page.off('response', collect);

    // Astro's island runtime is inline in the page; it is JavaScript the page ships all the same.
    const inline = await page
      .locator('script:not([src]):not([type="application/ld+json"])')
      .allTextContents();
    const inlineBytes = inline.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    let fileBytes = 0;
    for (const [url, body] of scripts) {
      const size = gzipSync(await body, { level: 9 }).length;
      fileBytes += size;
      details.push(`${path} ${String(size).padStart(6)} ${new URL(url).pathname}`);
    }
    const bytes = fileBytes + inlineBytes;
    const files = [...scripts.keys()].map((url) => new URL(url).pathname);
    report.push(
      `${path} ${bytes} B gz = ${fileBytes} in ${files.length} files + ${inlineBytes} inline`,
    );
    expect(
      files.filter((file) => file.startsWith('/pagefind/')),
      `${path} loads Pagefind before it is needed`,
    ).toEqual([]);
    expect.soft(bytes, `${path} JavaScript, gz bytes`).toBeLessThanOrEqual(BUDGET);
  }
  reportBytes(report, details);

  // …and the suggestions do load it, so the check above can tell.
  await page.goto('/konsultasi/');
  await hydrated(page);
  const runtime = page.waitForRequest(
    (request) => new URL(request.url()).pathname === '/pagefind/pagefind.js',
  );
  await page
    .getByLabel(CONSULTATION_LABELS.question, { exact: true })
    .fill('berapa biaya konsultasi');
  await runtime;
});

/** Totals on the console; each file's share in the report's annotations. */
function reportBytes(totals: string[], files: string[]): void {
  test.info().annotations.push({ type: 'bytes', description: [...totals, ...files].join('\n') });
  console.log(totals.join('\n'));
}
