import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixture, makeTestApp, postForm, postJson, staffRequest, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

async function submitConsultation(): Promise<string> {
  return (
    await (await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))).json()
  ).reference;
}

describe('POST /api/status', () => {
  test('reference and email show the status, due date and history', async () => {
    const reference = await submitConsultation();
    const response = await postJson(t.app, '/api/status', {
      reference: reference.toLowerCase(),
      email: 'SITI.Rahmawati@contoh.co.id',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = await response.json();
    expect(answer).toMatchObject({
      reference,
      kind: 'konsultasi',
      kindLabel: 'Permintaan konsultasi',
      status: 'baru',
      statusLabel: 'Diterima',
      dueDate: '2026-11-05',
      originalDueDate: '2026-11-05',
      dueNote: null,
      receivedAt: '2026-11-02T03:00:00.000Z',
      emailConfirmed: true,
      nextStep:
        'Petugas sedang memproses permintaan Anda. Jawaban paling lambat Kamis, 5 November 2026.',
      thread: [
        {
          at: '2026-11-02T03:00:00.000Z',
          who: 'anda',
          name: 'Anda',
          kind: 'pesan',
          text: fixture('consultation/valid.json').question,
        },
      ],
      meetings: [],
      canReply: true,
      followUp: null,
      rating: null,
    });
    expect(answer.whatsapp).toMatch(new RegExp(`^https://wa\\.me/\\d+\\?text=.*${reference}`));
  });

  test('a wrong email and an unknown reference get the same 404', async () => {
    const reference = await submitConsultation();
    const wrongEmail = await postJson(t.app, '/api/status', {
      reference,
      email: 'orang.lain@contoh.co.id',
    });
    const unknown = await postJson(t.app, '/api/status', {
      reference: 'KS-2611-000000',
      email: 'siti.rahmawati@contoh.co.id',
    });
    expect(wrongEmail.status).toBe(404);
    expect(await wrongEmail.json()).toEqual(await unknown.json());
  });

  test('the citizen sees staff replies but not internal notes', async () => {
    const reference = await submitConsultation();
    await staffRequest(t.app, `/requests/${reference}/status`, {
      body: { status: 'diproses', note: 'catatan internal' },
    });
    t.clock.advance(3_600_000);
    await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Data tersedia di tabel 4.1.' },
    });
    const body = await (
      await postJson(t.app, '/api/status', { reference, email: 'siti.rahmawati@contoh.co.id' })
    ).json();
    expect(body.status).toBe('menunggu_pengguna');
    expect(
      body.thread.map((entry: { who: string; kind: string; text: string }) => [
        entry.who,
        entry.kind,
        entry.text,
      ]),
    ).toEqual([
      ['anda', 'pesan', fixture('consultation/valid.json').question],
      ['sistem', 'peristiwa', 'Status: Sedang diproses'],
      ['petugas', 'pesan', 'Data tersedia di tabel 4.1.'],
    ]);
    expect(JSON.stringify(body)).not.toContain('catatan internal');
  });

  test('an anonymous complaint is found by its reference alone', async () => {
    const { reference } = await (
      await postJson(t.app, '/api/complaints', fixture('complaint/anonymous.json'))
    ).json();
    expect((await postJson(t.app, '/api/status', { reference })).status).toBe(200);
    expect(
      (await postJson(t.app, '/api/status', { reference, email: 'jangan.disimpan@contoh.co.id' }))
        .status,
    ).toBe(404);
  });

  test('a request with an email is not found without it', async () => {
    const reference = await submitConsultation();
    expect((await postJson(t.app, '/api/status', { reference })).status).toBe(404);
  });

  test('a plain form post gets an HTML status page with replies escaped and line breaks kept', async () => {
    const reference = await submitConsultation();
    await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Baris <b>satu</b>\nBaris dua' },
    });
    const response = await postForm(t.app, '/api/status', {
      reference,
      email: 'siti.rahmawati@contoh.co.id',
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1>Cek status permintaan</h1>');
    expect(page).toContain(
      `<h2 id="hasil-status" tabindex="-1">${reference}: Menunggu tanggapan Anda</h2>`,
    );
    expect(page).toContain('<dd>Kamis, 5 November 2026</dd>');
    expect(page).toContain('Senin, 2 November 2026 pukul 10.00 WIB');
    // Escaped; the line break is kept by white-space: pre-wrap, as on the site.
    expect(page).toContain('<p class="check-answer">Baris &lt;b>satu&lt;/b>\nBaris dua</p>');
  });

  test('the HTML status page of a closed consultation links to the rating with its reference', async () => {
    const reference = await submitConsultation();
    const email = 'siti.rahmawati@contoh.co.id';
    const open = await (await postForm(t.app, '/api/status', { reference, email })).text();
    expect(open).not.toContain('/penilaian/');
    await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Selesai.', status: 'selesai' },
    });
    const closed = await (await postForm(t.app, '/api/status', { reference, email })).text();
    expect(closed).toMatch(
      new RegExp(`href="/penilaian/\\?ref=${reference}&amp;kunci=[\\w-]{22}"`),
    );
  });

  test("the endpoint's HTML pages link the site's stylesheets", async () => {
    const styled = makeTestApp({
      config: { stylesheets: ['/_astro/BaseLayout.abc.css', '/_astro/forms.def.css'] },
    });
    try {
      const page = await (
        await postForm(styled.app, '/api/status', {
          reference: 'KS-2611-000000',
          email: 'a@contoh.co.id',
        })
      ).text();
      expect(page).toContain('<link rel="stylesheet" href="/_astro/BaseLayout.abc.css"/>');
      expect(page).toContain('<link rel="stylesheet" href="/_astro/forms.def.css"/>');
    } finally {
      await styled.close();
    }
  });

  test('a plain form post that finds nothing re-renders the form with the message', async () => {
    const response = await postForm(t.app, '/api/status', {
      reference: 'KS-2611-000000',
      email: 'a@contoh.co.id',
    });
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain(
      '<a href="#status-reference">Nomor permintaan dan alamat email tidak cocok',
    );
    expect(page).toContain('value="a@contoh.co.id"');
  });

  test('a malformed reference is a validation error', async () => {
    const response = await postJson(t.app, '/api/status', {
      reference: "KS' OR 1=1 --",
      email: 'a@contoh.co.id',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toHaveProperty('reference');
  });
});
