/**
 * The conversation of the online procedure (steps 12–15), through the app: the citizen's
 * registration by a confirmed address, the personal link, messages both ways, "perlu
 * dilengkapi", the 7-day close, follow-up meetings with calendar invitations, and one rating
 * per request.
 */
import { readFileSync, existsSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { accessKeyFor } from '../../src/server/domain/access-keys.ts';
import { dropUnconfirmed } from '../../src/server/domain/registration.ts';
import { followUpConversations, remindMeetings } from '../../src/server/domain/sweeps.ts';
import { deliverOutbox } from '../../src/server/mail/deliver.ts';
import type { Mailer } from '../../src/server/mail/transport.ts';
import type { NewMail } from '../../src/server/storage/store.ts';
import {
  fixture,
  LINK_SECRET,
  makeTestApp,
  office,
  postForm,
  postJson,
  query,
  standard,
  TABLES,
  type TestApp,
} from './harness.ts';
import { addOfficer, OfficerBrowser, ORIGIN } from './workspace-client.ts';

const DAY = 24 * 3_600_000;
const SITI = 'siti.rahmawati@contoh.co.id';
const NEW_ADDRESS = 'warga.baru@contoh.co.id';
const SARI = 'sari@contoh.go.id';

let t: TestApp;
let sent: NewMail[];
let sari: OfficerBrowser;

const mailer: Mailer = {
  send: async (mail) => {
    sent.push(mail);
  },
};

beforeEach(async () => {
  t = makeTestApp();
  sent = [];
  await addOfficer(t.store, { email: SARI, name: 'Sari Dewi', role: 'admin' });
  sari = new OfficerBrowser(t.app);
  await sari.logIn(SARI);
});
afterEach(() => t.close());

const deliver = () =>
  deliverOutbox({ store: t.store, mailer, clock: t.clock, linkSecret: LINK_SECRET });

async function consult(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson(t.app, '/api/consultations', {
    ...fixture('consultation/valid.json'),
    form_started_at: String(t.clock.now().getTime() - 60_000),
    ...overrides,
  });
  expect(response.status).toBe(201);
  return (await response.json()).reference;
}

const keyOf = (reference: string) => accessKeyFor(LINK_SECRET, reference);

/** What an island sends to write back, opened by the personal link. */
function message(reference: string, text: string, extra: Record<string, string> = {}) {
  return {
    reference,
    kunci: keyOf(reference),
    message: text,
    website: '',
    form_started_at: String(t.clock.now().getTime() - 60_000),
    ...extra,
  };
}

async function status(reference: string, credentials: Record<string, string> = {}) {
  const response = await postJson(t.app, '/api/status', {
    reference,
    kunci: keyOf(reference),
    ...credentials,
  });
  return { response, answer: response.status === 200 ? await response.json() : null };
}

/** The officer answers from the workspace, then waits for the citizen, asks for more, or closes. */
async function reply(reference: string, text: string, after = 'tunggu'): Promise<void> {
  await sari.get(`/petugas/permintaan/${reference}/`);
  const response = await sari.post(`/petugas/permintaan/${reference}/balas/`, {
    message: text,
    aksi: 'kirim',
    setelah: after,
    versi: sari.version(),
  });
  expect(response.status).toBe(303);
}

const purposes = async () =>
  (await query(t.dbPath, 'SELECT purpose, recipient FROM outbox ORDER BY id')).map(
    (row) => `${row.purpose}:${row.recipient}`,
  );

describe('registration: the address is the account, proven by a mailed link', () => {
  test('a first request from a new address waits; only the link is mailed, without what was typed', async () => {
    const reference = await consult({ email: NEW_ADDRESS });
    const request = await t.store.findRequest(reference);
    expect(request?.emailConfirmed).toBe(false);
    expect(await purposes()).toEqual([`confirmation:${NEW_ADDRESS}`]);
    const [mail] = await query(t.dbPath, 'SELECT subject, body FROM outbox');
    const body = String(mail.body);
    expect(body).toMatch(/\/akun\/konfirmasi\/\?token=[\w-]{43}/);
    // Anyone can type another's address: the mail to it must not carry their words.
    const typed = fixture('consultation/valid.json');
    for (const words of [typed.name, typed.topic, typed.question, typed.phone])
      expect(`${mail.subject}\n${body}`).not.toContain(String(words));

    const { answer } = await status(reference, { kunci: '', email: NEW_ADDRESS });
    expect(answer.emailConfirmed).toBe(false);
    expect(answer.nextStep).toContain('konfirmasi');
  });

  test('confirming (a button, not the GET) starts the clock then and sends the acknowledgement', async () => {
    const reference = await consult({ email: NEW_ADDRESS });
    const token = /token=([\w-]+)/.exec(
      String((await query(t.dbPath, 'SELECT body FROM outbox'))[0].body),
    )![1];
    t.clock.advance(DAY); // Tuesday 3 November

    const opened = await t.app.request(`/akun/konfirmasi/?token=${token}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Konfirmasi alamat email saya');
    expect((await t.store.findRequest(reference))?.emailConfirmed).toBe(false);

    const confirmed = await postForm(t.app, '/akun/konfirmasi/', { token }, { origin: ORIGIN });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/akun/?selesai=dikonfirmasi');
    expect(confirmed.headers.get('set-cookie')).toMatch(/pst_warga=.*HttpOnly/i);
    const request = await t.store.findRequest(reference);
    expect(request?.emailConfirmed).toBe(true);
    // Three working days from Tuesday, not from Monday's post.
    expect(request?.dueDate).toBe('2026-11-06');
    expect(await purposes()).toEqual([
      `confirmation:${NEW_ADDRESS}`,
      `acknowledgement:${NEW_ADDRESS}`,
      'staff_notice:petugas@contoh.go.id',
    ]);

    const again = await postForm(t.app, '/akun/konfirmasi/', { token }, { origin: ORIGIN });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(
      'Tautan konfirmasi ini sudah dipakai atau sudah kedaluwarsa',
    );
  });

  test('a second request while a link is pending gets no second link; both start on confirming', async () => {
    const first = await consult({ email: NEW_ADDRESS });
    const second = await consult({ email: NEW_ADDRESS, topic: 'Data inflasi' });
    expect(await purposes()).toEqual([`confirmation:${NEW_ADDRESS}`]);
    const token = /token=([\w-]+)/.exec(
      String((await query(t.dbPath, 'SELECT body FROM outbox'))[0].body),
    )![1];
    await postForm(t.app, '/akun/konfirmasi/', { token }, { origin: ORIGIN });
    for (const reference of [first, second])
      expect((await t.store.findRequest(reference))?.emailConfirmed).toBe(true);
  });

  test('two first requests sent at the same moment still get one link between them', async () => {
    // The link is stored in the request's own transaction, so the two cannot both see none.
    await Promise.all([
      consult({ email: NEW_ADDRESS }),
      consult({ email: NEW_ADDRESS, topic: 'Data inflasi' }),
    ]);
    expect(await purposes()).toEqual([`confirmation:${NEW_ADDRESS}`]);
  });

  test(`unconfirmed for ${office.conversation.confirmWithinDays} days: closed and its data erased`, async () => {
    const reference = await consult({ email: NEW_ADDRESS });
    t.clock.advance(office.conversation.confirmWithinDays * DAY - 60_000);
    expect(await dropUnconfirmed(t.deps)).toBe(0);
    t.clock.advance(120_000);
    expect(await dropUnconfirmed(t.deps)).toBe(1);
    const request = await t.store.findRequest(reference);
    expect(request?.status).toBe('selesai');
    expect(request?.erasedAt).not.toBeNull();
    expect(JSON.stringify(await query(t.dbPath, 'SELECT * FROM requests'))).not.toContain(
      NEW_ADDRESS,
    );
  });

  test('once sent, the mail that carried a link keeps no text: the database holds no usable link', async () => {
    await consult({ email: NEW_ADDRESS });
    await deliver();
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toMatch(/token=[\w-]{43}/);
    expect(await query(t.dbPath, 'SELECT body, sent_at FROM outbox')).toEqual([
      { body: '', sent_at: t.clock.now().toISOString() },
    ]);
  });
});

describe('the personal link', () => {
  test('the outbox holds a placeholder; the key is filled in on sending and stored nowhere', async () => {
    const reference = await consult();
    const stored = await query(
      t.dbPath,
      "SELECT body FROM outbox WHERE purpose = 'acknowledgement'",
    );
    expect(String(stored[0].body)).toContain(`{{kunci:${reference}}}`);
    await deliver();
    const acknowledgement = sent.find((mail) => mail.to === SITI);
    const key = keyOf(reference);
    expect(key.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
    expect(acknowledgement?.text).toContain(`/status/?ref=${reference}&kunci=${key}`);
    for (const table of TABLES)
      expect(JSON.stringify(await query(t.dbPath, `SELECT * FROM ${table}`))).not.toContain(key);
    // On SQLite, not in the file's free pages either.
    for (const file of [t.dbPath, `${t.dbPath}-wal`].filter(existsSync))
      expect(readFileSync(file).includes(key)).toBe(false);
  });

  test('it opens the thread; a wrong key and an erased request get the same 404', async () => {
    const reference = await consult();
    expect((await status(reference)).response.status).toBe(200);
    const wrong = await status(reference, { kunci: 'x'.repeat(43) });
    expect(wrong.response.status).toBe(404);
    expect((await wrong.response.json()).error.code).toBe('link_expired');

    await sari.get(`/petugas/permintaan/${reference}/hapus/`);
    await sari.post(`/petugas/permintaan/${reference}/hapus/`, { konfirmasi: reference });
    expect((await t.store.findRequest(reference))?.erasedAt).not.toBeNull();
    expect((await status(reference)).response.status).toBe(404);
  });
});

describe('the citizen writes back (POST /api/messages)', () => {
  test('JSON: 201; the request waiting on the citizen is taken up again and staff are told', async () => {
    const reference = await consult();
    await reply(reference, 'Untuk tahun berapa datanya?');
    expect((await t.store.findRequest(reference))?.status).toBe('menunggu_pengguna');

    const response = await postJson(t.app, '/api/messages', message(reference, 'Tahun 2024.'), {
      'idempotency-key': 'pesan-0000000001',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ reference });
    const request = await t.store.findRequest(reference);
    expect(request?.status).toBe('diproses');
    expect(request?.lastCitizenMessageAt).toBe(t.clock.now().toISOString());
    expect((await purposes()).at(-1)).toBe('staff_notice:petugas@contoh.go.id');

    const { answer } = await status(reference);
    expect(answer.thread.map((e: { who: string; text: string }) => `${e.who}: ${e.text}`)).toEqual(
      expect.arrayContaining(['petugas: Untuk tahun berapa datanya?', 'anda: Tahun 2024.']),
    );
    expect(answer.canReply).toBe(true);

    const replayed = await postJson(t.app, '/api/messages', message(reference, 'Tahun 2024.'), {
      'idempotency-key': 'pesan-0000000001',
    });
    expect(replayed.status).toBe(200);
    expect(
      (await query(t.dbPath, 'SELECT COUNT(*) AS n FROM history WHERE message IS NOT NULL'))[0].n,
    ).toBe(1);
  });

  test('without JavaScript: 303 back to the conversation by the personal link', async () => {
    const reference = await consult();
    const response = await postForm(t.app, '/api/messages', message(reference, 'Terima kasih.'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/status/?ref=${reference}&kunci=${keyOf(reference)}#percakapan`,
    );
  });

  test('the email given with the request opens it too; another email does not', async () => {
    const reference = await consult();
    const byEmail = { ...message(reference, 'Halo.'), kunci: '', email: SITI.toUpperCase() };
    expect((await postJson(t.app, '/api/messages', byEmail)).status).toBe(201);
    const other = { ...byEmail, email: 'orang.lain@contoh.co.id' };
    const refused = await postJson(t.app, '/api/messages', other);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('status_not_found');
  });

  test('an empty or too long message is a 400 in Indonesian; without JavaScript what was typed stays', async () => {
    const reference = await consult();
    const empty = await postJson(t.app, '/api/messages', message(reference, '   '));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields.message).toMatch(/pesan/i);

    const long = `Awal pesan saya. ${'panjang '.repeat(600)}`;
    const page = await postForm(t.app, '/api/messages', message(reference, long));
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain('Awal pesan saya.');
    expect(html).toContain('aria-invalid="true"');
    expect(
      (await query(t.dbPath, 'SELECT COUNT(*) AS n FROM history WHERE message IS NOT NULL'))[0].n,
    ).toBe(0);
  });

  test('a closed request takes no more messages: 409, with the way to a new consultation naming it', async () => {
    const reference = await consult();
    await reply(reference, 'Datanya ada di tabel 4.1.', 'tutup');
    const refused = await postJson(t.app, '/api/messages', message(reference, 'Satu lagi.'));
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe('request_closed');
    expect(error.followUp).toBe(`/konsultasi/?terkait=${reference}`);

    const page = await postForm(t.app, '/api/messages', message(reference, 'Satu lagi.'));
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain(`href="/konsultasi/?terkait=${reference}"`);
    expect(html).toContain('Satu lagi.');
    expect((await status(reference)).answer.canReply).toBe(false);
  });

  test('“perlu dilengkapi” stops the clock; the answer starts it again with a new due date', async () => {
    const reference = await consult();
    await reply(reference, 'Mohon sebutkan tahun dan kecamatannya.', 'lengkapi');
    let request = await t.store.findRequest(reference);
    expect(request?.clockSuspended).toBe(true);
    expect((await status(reference)).answer.nextStep).toMatch(/keterangan tambahan/);

    t.clock.set('2026-11-09T03:00:00.000Z'); // Monday a week later
    await postJson(t.app, '/api/messages', message(reference, 'Tahun 2024, Kecamatan Bantan.'));
    request = await t.store.findRequest(reference);
    expect(request?.clockSuspended).toBe(false);
    expect(request?.originalDueDate).toBe('2026-11-05');
    expect(request?.dueDate).toBe('2026-11-12');
    const { answer } = await status(reference);
    expect(answer.dueDate).toBe('2026-11-12');
    expect(answer.dueNote).not.toBeNull();
  });
});

describe(`the close after ${standard.limits.autoCloseDays} days without an answer`, () => {
  const remindAfter =
    (standard.limits.autoCloseDays - office.conversation.reminderDaysBefore) * DAY;

  test('the citizen is reminded once before, then it closes with the rating link', async () => {
    const reference = await consult();
    await reply(reference, 'Apakah jawabannya sudah cukup?');
    t.clock.advance(remindAfter - 60_000);
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [], closed: [] });
    t.clock.advance(60_000);
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [reference], closed: [] });
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [], closed: [] });
    expect((await purposes()).filter((p) => p.startsWith('reminder'))).toEqual([
      `reminder:${SITI}`,
    ]);

    t.clock.set(
      new Date(
        Date.parse('2026-11-02T03:00:00.000Z') + standard.limits.autoCloseDays * DAY,
      ).toISOString(),
    );
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [], closed: [reference] });
    await deliver();
    const closing = sent.find((mail) => mail.purpose === 'closing');
    expect(closing?.text).toContain(`/penilaian/?ref=${reference}&kunci=${keyOf(reference)}`);
    expect((await status(reference)).answer.rating).not.toBeNull();
  });

  test('never when the citizen spoke last', async () => {
    const reference = await consult();
    await reply(reference, 'Untuk tahun berapa?');
    t.clock.advance(DAY);
    await postJson(t.app, '/api/messages', message(reference, 'Tahun 2024.'));
    t.clock.advance(30 * DAY);
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [], closed: [] });
    expect((await t.store.findRequest(reference))?.status).toBe('diproses');
  });

  test('never while a follow-up meeting is still to come', async () => {
    const reference = await consult();
    await reply(reference, 'Mari kita bahas dalam pertemuan.');
    await propose(reference, [{ date: '2026-11-20', time: '10:00' }]);
    t.clock.advance(10 * DAY);
    expect(await followUpConversations(t.deps)).toEqual({ reminded: [], closed: [] });
    expect((await t.store.findRequest(reference))?.status).toBe('menunggu_pengguna');
  });
});

/** The officer proposes slots from the request page (online meeting, 60 minutes). */
async function propose(reference: string, slots: { date: string; time: string }[]): Promise<void> {
  await sari.get(`/petugas/permintaan/${reference}/`);
  const fields: Record<string, string> = { versi: sari.version() };
  slots.forEach((slot, index) => {
    Object.assign(fields, {
      [`tanggal${index}`]: slot.date,
      [`jam${index}`]: slot.time,
      [`lama${index}`]: '60',
      [`cara${index}`]: 'video',
      [`tautan${index}`]: 'https://zoom.us/j/123456789',
    });
  });
  const response = await sari.post(`/petugas/permintaan/${reference}/pertemuan/`, fields);
  expect(response.status).toBe(303);
}

function calendarOf(mail: NewMail | undefined) {
  const file = mail?.attachments?.find((a) => a.filename.endsWith('.ics'));
  expect(file).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(String(file!.content)));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue('status'),
  };
}

describe('follow-up meetings', () => {
  test('proposed, chosen by the citizen, then both get the same invitation; a cancel withdraws it', async () => {
    const reference = await consult();
    await propose(reference, [
      { date: '2026-11-04', time: '10:00' },
      { date: '2026-11-05', time: '13:30' },
    ]);
    let { answer } = await status(reference);
    const [meeting] = answer.meetings;
    expect(meeting.state).toBe('diusulkan');
    expect(meeting.slots.map((s: { label: string }) => s.label)).toEqual([
      expect.stringContaining('Rabu, 4 November 2026'),
      expect.stringContaining('Kamis, 5 November 2026'),
    ]);

    const choose = {
      reference,
      kunci: keyOf(reference),
      aksi: 'pilih',
      website: '',
      meeting: String(meeting.id),
      slot: String(meeting.slots[1].id),
    };
    expect((await postJson(t.app, '/api/meetings', choose)).status).toBe(201);
    ({ answer } = await status(reference));
    expect(answer.meetings[0].state).toBe('dijadwalkan');
    expect(answer.meetings[0].chosen.link).toBe('https://zoom.us/j/123456789');
    const again = await postJson(t.app, '/api/meetings', choose);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('meeting_gone');

    await deliver();
    const invitations = sent.filter((mail) => mail.attachments?.length);
    expect(invitations.map((mail) => mail.to).sort()).toEqual([SARI, SITI].sort());
    const [forCitizen, forOfficer] = [SITI, SARI].map((to) =>
      calendarOf(invitations.find((mail) => mail.to === to)),
    );
    expect(forCitizen).toEqual(forOfficer);
    expect(forCitizen).toMatchObject({
      method: 'REQUEST',
      start: '2026-11-05T06:30:00.000Z', // 13:30 WIB
      end: '2026-11-05T07:30:00.000Z',
    });

    sent = [];
    const cancel = { ...choose, aksi: 'batal', reason: 'Saya sakit.' };
    delete (cancel as Partial<typeof choose>).slot;
    expect((await postJson(t.app, '/api/meetings', cancel)).status).toBe(201);
    await deliver();
    const withdrawn = calendarOf(sent.find((mail) => mail.to === SARI));
    expect(withdrawn).toMatchObject({ method: 'CANCEL', uid: forCitizen.uid, status: 'CANCELLED' });
    expect(sent.find((mail) => mail.to === SARI)?.text).toContain('Saya sakit.');
  });

  test('a slot on a holiday or in the past is refused on the officer’s page', async () => {
    const reference = await consult();
    await sari.get(`/petugas/permintaan/${reference}/`);
    const response = await sari.post(`/petugas/permintaan/${reference}/pertemuan/`, {
      versi: sari.version(),
      tanggal0: '2026-11-01',
      jam0: '10:00',
      lama0: '60',
      cara0: 'datang_langsung',
    });
    expect(response.status).toBe(400);
    expect(sari.lastPage).toContain('bukan hari kerja');
    expect(await t.store.meetingsOf((await t.store.findRequest(reference))!.id)).toEqual([]);
  });

  test('the working day before, both sides are reminded once; afterwards the officer records it', async () => {
    const reference = await consult();
    await propose(reference, [{ date: '2026-11-04', time: '10:00' }]);
    const { answer } = await status(reference);
    const [meeting] = answer.meetings;
    await postJson(t.app, '/api/meetings', {
      reference,
      kunci: keyOf(reference),
      aksi: 'pilih',
      website: '',
      meeting: String(meeting.id),
      slot: String(meeting.slots[0].id),
    });
    expect(await remindMeetings(t.deps)).toBe(0); // Monday: two days before
    t.clock.advance(DAY);
    expect(await remindMeetings(t.deps)).toBe(1);
    expect(await remindMeetings(t.deps)).toBe(0);
    const reminders = await query(
      t.dbPath,
      "SELECT recipient FROM outbox WHERE purpose = 'reminder' ORDER BY recipient",
    );
    expect(reminders.map((row) => row.recipient)).toEqual([SARI, SITI].sort());

    t.clock.set('2026-11-04T05:00:00.000Z');
    await sari.logIn(SARI); // a new working day, a new session
    await sari.get(`/petugas/permintaan/${reference}/`);
    const recorded = await sari.post(
      `/petugas/permintaan/${reference}/pertemuan/${meeting.id}/catat/`,
      { terlaksana: '1', versi: sari.version() },
    );
    expect(recorded.headers.get('location')).toBe(
      `/petugas/permintaan/${reference}/?selesai=pertemuan-catat`,
    );
    expect((await status(reference)).answer.meetings[0].state).toBe('terlaksana');
    expect(
      await query(
        t.dbPath,
        "SELECT action FROM audit_log WHERE action LIKE 'pertemuan-%' ORDER BY id",
      ),
    ).toEqual([{ action: 'pertemuan-usul' }, { action: 'pertemuan-catat' }]);
  });
});

describe('one rating per request', () => {
  const rating = (reference: string, kunci: string) => ({
    ...fixture('rating/valid.json'),
    reference,
    kunci,
    form_started_at: String(t.clock.now().getTime() - 60_000),
  });

  test('the first counts, with its channel; a second is a 409 that says so; a wrong key a 404', async () => {
    const reference = await consult();
    await reply(reference, 'Selesai.', 'tutup');
    expect((await status(reference)).answer.rating.href).toBe(
      `/penilaian/?ref=${reference}&kunci=${keyOf(reference)}`,
    );
    const wrong = await postJson(t.app, '/api/ratings', rating(reference, 'y'.repeat(43)));
    expect(wrong.status).toBe(404);

    expect(
      (await postJson(t.app, '/api/ratings', rating(reference, keyOf(reference)))).status,
    ).toBe(201);
    const second = await postJson(t.app, '/api/ratings', rating(reference, keyOf(reference)));
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe(
      'Permintaan ini sudah dinilai. Terima kasih atas penilaian Anda.',
    );
    expect(await query(t.dbPath, 'SELECT reference, channel FROM ratings')).toEqual([
      { reference, channel: 'online' },
    ]);
    expect((await status(reference)).answer.rating).toBeNull();
  });
});

describe('Permintaan saya (/akun/)', () => {
  test('a one-time link signs in a confirmed address; the page lists its requests; it erases them', async () => {
    // The same cookie-keeping browser as an officer's, with the citizen's cookie.
    const browser = new OfficerBrowser(t.app);
    const reference = await consult();
    await browser.get('/akun/');
    expect(browser.lastPage).toBe(''); // 303 to the sign-in page

    await browser.post('/akun/masuk/', { email: 'orang.lain@contoh.co.id' });
    await browser.post('/akun/masuk/', { email: SITI });
    expect(browser.lastPage).toContain(
      'Jika alamat ini sudah terdaftar, kami mengirim tautan masuk',
    );
    // Only the confirmed address gets a link, and the page says the same to both.
    expect((await purposes()).filter((p) => p.startsWith('sign_in'))).toEqual([`sign_in:${SITI}`]);
    await deliver();
    const link = /\/akun\/masuk\/tautan\/\?token=([\w-]+)/.exec(
      sent.find((mail) => mail.purpose === 'sign_in')!.text,
    )!;
    const signedIn = await browser.post('/akun/masuk/tautan/', { token: link[1] });
    expect(signedIn.headers.get('location')).toBe('/akun/');
    await browser.get('/akun/');
    expect(browser.lastPage).toContain(reference);
    expect(browser.lastPage).toContain(`/status/?ref=${reference}&amp;kunci=${keyOf(reference)}`);
    expect((await browser.post('/akun/masuk/tautan/', { token: link[1] })).status).toBe(400);

    await browser.get('/akun/hapus/');
    const refused = await browser.post('/akun/hapus/', { csrf: 'salah' });
    expect(refused.status).toBe(403);
    expect((await t.store.findRequest(reference))?.erasedAt).toBeNull();
    await browser.get('/akun/hapus/');
    const erased = await browser.post('/akun/hapus/', {});
    expect(erased.status).toBe(200);
    expect(browser.lastPage).toContain('Data pribadi dari 1 permintaan sudah dihapus');
    expect((await t.store.findRequest(reference))?.erasedAt).not.toBeNull();
    await browser.get('/akun/');
    expect(browser.lastPage).toBe('');
  });
});
