import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fixture,
  formFields,
  makeTestApp,
  office,
  postForm,
  postJson,
  query,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const valid = () => fixture('consultation/valid.json');

describe('POST /api/consultations as JSON (islands)', () => {
  test('stores the request and answers its reference and due date', async () => {
    const response = await postJson(t.app, '/api/consultations', valid());
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      reference: expect.stringMatching(/^KS-2611-[0-9A-Z]{6}$/),
      status: 'baru',
      dueDate: '2026-11-05',
      receivedAt: '2026-11-02T03:00:00.000Z',
      emailConfirmed: true,
    });
    expect(await t.counts()).toMatchObject({ requests: 1, history: 1, outbox: 2 });
    const [row] = await query(t.dbPath, 'SELECT * FROM requests');
    expect(row).toMatchObject({
      reference: body.reference,
      email: 'siti.rahmawati@contoh.co.id',
      spam: 0,
      status: 'baru',
    });
  });

  test('queues an acknowledgement to the citizen and a notice to staff', async () => {
    const { reference } = await (await postJson(t.app, '/api/consultations', valid())).json();
    const mails = await t.store.listOutbox({ pendingOnly: true });
    expect(mails.map((mail) => mail.to)).toEqual([
      'siti.rahmawati@contoh.co.id',
      'petugas@contoh.go.id',
    ]);
    expect(mails[0].subject).toContain(reference);
    expect(mails[0].text).toContain('Kamis, 5 November 2026');
    expect(mails[1].text).toContain('Data kemiskinan per kecamatan');
  });

  test('the office sets no cut-off: a submission at 16:30 WIB on Friday counts that day', async () => {
    t.clock.set('2026-11-06T09:30:00.000Z'); // Friday 16:30 WIB
    const body = await (await postJson(t.app, '/api/consultations', valid())).json();
    expect(body.dueDate).toBe('2026-11-11');
  });

  test('with requestCutoff "16:00" in office.yaml, 16:30 on Friday counts from Monday', async () => {
    const late = makeTestApp({ office: { ...office, requestCutoff: '16:00' } });
    try {
      late.clock.set('2026-11-06T09:30:00.000Z');
      const body = await (await postJson(late.app, '/api/consultations', valid())).json();
      expect(body.dueDate).toBe('2026-11-12');
    } finally {
      await late.close();
    }
  });

  test('invalid answers get 422 with a message per field, nothing stored', async () => {
    const response = await postJson(t.app, '/api/consultations', {
      ...valid(),
      email: 'siti',
      channel: 'telepati',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Ada isian yang perlu diperbaiki.',
        fields: {
          email: 'Masukkan alamat email dengan format yang benar, seperti nama@contoh.com',
          channel: 'Pilih cara tindak lanjut yang Anda inginkan',
        },
      },
    });
    expect((await t.counts()).requests).toBe(0);
  });

  test('messages are in English when Accept-Language prefers English', async () => {
    const response = await postJson(
      t.app,
      '/api/consultations',
      { ...valid(), email: '' },
      { 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' },
    );
    const { error } = await response.json();
    expect(error.message).toBe('Some answers need to be corrected.');
    expect(error.fields.email).toBe('Enter your email address');
  });

  test('Indonesian stays the default when Indonesian ranks higher', async () => {
    const response = await postJson(
      t.app,
      '/api/consultations',
      { ...valid(), email: '' },
      { 'accept-language': 'id,en;q=0.8' },
    );
    expect((await response.json()).error.fields.email).toBe('Masukkan alamat email Anda');
  });
});

describe('POST /api/consultations from a plain HTML form', () => {
  test('answers 303 to the confirmation page with reference and due date', async () => {
    const response = await postForm(t.app, '/api/consultations', formFields(valid()));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', 'http://x');
    expect(location.pathname).toBe('/konsultasi/terkirim/');
    expect(location.searchParams.get('ref')).toMatch(/^KS-2611-/);
    expect(location.searchParams.get('due')).toBe('2026-11-05');
  });

  test('errors come back as an Indonesian page with the form filled in again', async () => {
    const typed = {
      ...formFields(valid()),
      name: '<script>alert("x")</script>',
      email: 'salah',
      question: 'Baris satu\nBaris "dua" & <b>tiga</b>',
      consent: '',
      idempotency_key: 'kunci-idempotensi-123',
    };
    const response = await postForm(t.app, '/api/consultations', typed);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('<html lang="id">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    // Each error is a link to its field…
    expect(page).toContain(
      '<a href="#konsultasi-email">Masukkan alamat email dengan format yang benar',
    );
    expect(page).toContain('<a href="#konsultasi-consent">Centang persetujuan');
    expect(page).toContain('aria-describedby="konsultasi-email-hint konsultasi-email-error"');
    // …what was typed is still there, escaped…
    expect(page).toContain('value="&lt;script>alert(&quot;x&quot;)&lt;/script>"');
    expect(page).toContain('Baris satu\nBaris &quot;dua&quot; &amp; &lt;b>tiga&lt;/b></textarea>');
    expect(page).toContain('value="percakapan_online" checked');
    expect(page).toContain(
      '<input type="hidden" name="idempotency_key" value="kunci-idempotensi-123"/>',
    );
    // …every field has a label, and there is a way back.
    for (const name of ['name', 'email', 'phone', 'topic', 'question', 'consent'])
      expect(page).toContain(`<label for="konsultasi-${name}">`);
    expect(page).toContain('<a href="/konsultasi/">Kembali ke halaman formulir</a>');
    expect(page).not.toMatch(/<script|<style|style=/);
    expect((await t.counts()).requests).toBe(0);
  });
});

describe('idempotency', () => {
  test('a replayed Idempotency-Key returns the first reference and stores nothing new', async () => {
    const headers = { 'idempotency-key': 'offline-replay-0001' };
    const first = await postJson(t.app, '/api/consultations', valid(), headers);
    const again = await postJson(
      t.app,
      '/api/consultations',
      { ...valid(), topic: 'Lain' },
      headers,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await t.counts()).toMatchObject({ requests: 1, history: 1, outbox: 2 });
  });

  test('the hidden idempotency_key field works for plain forms', async () => {
    const fields = { ...formFields(valid()), idempotency_key: 'form-key-00000001' };
    const first = await postForm(t.app, '/api/consultations', fields);
    const again = await postForm(t.app, '/api/consultations', fields);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await t.counts()).requests).toBe(1);
  });

  test('without a key two posts are two requests', async () => {
    await postJson(t.app, '/api/consultations', valid());
    await postJson(t.app, '/api/consultations', valid());
    expect((await t.counts()).requests).toBe(2);
  });

  test('a malformed key is refused with 400', async () => {
    const response = await postJson(t.app, '/api/consultations', valid(), {
      'idempotency-key': 'pendek',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_idempotency_key');
  });
});

describe('spam', () => {
  test('a filled honeypot gets a normal answer but is stored as spam and never mailed', async () => {
    const response = await postJson(t.app, '/api/consultations', {
      ...valid(),
      website: 'http://spam.example',
    });
    expect(response.status).toBe(201);
    expect((await response.json()).reference).toMatch(/^KS-/);
    expect(await query(t.dbPath, 'SELECT spam FROM requests')).toEqual([{ spam: 1 }]);
    expect((await t.counts()).outbox).toBe(0);
  });

  test('a form sent sooner than 3 seconds after it appeared is spam', async () => {
    const startedAt = t.clock.now().getTime() - 1500;
    await postJson(t.app, '/api/consultations', { ...valid(), form_started_at: startedAt });
    expect(await query(t.dbPath, 'SELECT spam FROM requests')).toEqual([{ spam: 1 }]);
  });

  test('a normal fill time, from an island or a page the server stamped, or a clock ahead of ours is not spam', async () => {
    const now = t.clock.now().getTime();
    await postJson(t.app, '/api/consultations', { ...valid(), form_started_at: now - 60_000 });
    await postForm(
      t.app,
      '/api/consultations',
      formFields({ ...valid(), form_started_at: String(now - 45_000) }),
    );
    await postJson(t.app, '/api/consultations', {
      ...valid(),
      form_started_at: String(now + 120_000),
    });
    expect(await query(t.dbPath, 'SELECT spam FROM requests')).toEqual([
      { spam: 0 },
      { spam: 0 },
      { spam: 0 },
    ]);
  });

  test('a post that leaves out the honeypot or the start time is spam, JSON and plain forms alike', async () => {
    const { website: _website, ...withoutHoneypot } = valid();
    const { form_started_at: _startedAt, ...withoutStart } = valid();
    expect((await postJson(t.app, '/api/consultations', withoutHoneypot)).status).toBe(201);
    expect((await postJson(t.app, '/api/consultations', withoutStart)).status).toBe(201);
    expect((await postForm(t.app, '/api/consultations', formFields(withoutStart))).status).toBe(
      303,
    );
    expect(
      (await postJson(t.app, '/api/consultations', { ...valid(), form_started_at: 'kemarin' }))
        .status,
    ).toBe(201);
    expect(await query(t.dbPath, 'SELECT spam FROM requests')).toEqual([
      { spam: 1 },
      { spam: 1 },
      { spam: 1 },
      { spam: 1 },
    ]);
    expect((await t.counts()).outbox).toBe(0);
  });

  test('a deeply nested honeypot or start time is refused with 400, not a crash', async () => {
    // 8,000 levels: within the body limit, and deep enough that String() on it runs out of stack.
    const nested = `${'['.repeat(8_000)}"x"${']'.repeat(8_000)}`;
    for (const field of ['website', 'form_started_at']) {
      const body = JSON.stringify({ ...valid(), [field]: 'NESTED' }).replace('"NESTED"', nested);
      const response = await t.app.request('/api/consultations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
      });
      expect(response.status, field).toBe(400);
      expect((await response.json()).error.message).toBe(
        'Formulir belum dapat diproses. Muat ulang halaman lalu kirim lagi.',
      );
    }
    expect((await t.counts()).requests).toBe(0);
  });
});
