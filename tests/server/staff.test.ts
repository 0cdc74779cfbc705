import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fixture,
  makeTestApp,
  postJson,
  query,
  STAFF_TOKEN,
  staffRequest,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

async function submit(path: string, body: unknown): Promise<string> {
  return (await (await postJson(t.app, path, body)).json()).reference;
}

describe('access', () => {
  test('without STAFF_TOKEN the staff API does not exist', async () => {
    const closed = makeTestApp({ config: { staffToken: null } });
    try {
      for (const path of ['/api/staff/requests', '/api/staff/export.csv', '/api/staff/outbox']) {
        const response = await closed.app.request(path, {
          headers: { authorization: 'Bearer anything' },
        });
        expect(response.status).toBe(404);
      }
    } finally {
      await closed.close();
    }
  });

  test.each([
    ['no header', undefined],
    ['wrong token', `Bearer ${STAFF_TOKEN}x`],
    ['a prefix of the token', `Bearer ${STAFF_TOKEN.slice(0, 10)}`],
    ['another scheme', `Basic ${STAFF_TOKEN}`],
  ])('%s is refused with 401', async (_, authorization) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const response = await t.app.request('/api/staff/requests', { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await response.json()).error.code).toBe('unauthorized');
  });

  test('after 10 wrong tokens in a minute an address waits, even with the right token', async () => {
    const wrong = { authorization: 'Bearer salah-salah-salah-salah-salah' };
    for (let i = 0; i < 10; i += 1) {
      expect((await t.app.request('/api/staff/requests', { headers: wrong })).status).toBe(401);
    }
    const blocked = await staffRequest(t.app, '/requests');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(60_000);
    expect((await staffRequest(t.app, '/requests')).status).toBe(200);
  });
});

describe('working on requests', () => {
  test('lists open requests by due date, without spam, and filters them', async () => {
    const first = await submit('/api/consultations', fixture('consultation/valid.json'));
    t.clock.advance(24 * 3_600_000);
    const second = await submit('/api/complaints', fixture('complaint/valid.json'));
    await postJson(t.app, '/api/consultations', {
      ...fixture('consultation/valid.json'),
      website: 'bot',
    });

    const all = await (await staffRequest(t.app, '/requests')).json();
    expect(all.total).toBe(2);
    expect(all.items.map((r: { reference: string }) => r.reference)).toEqual([first, second]);
    expect(all.items[0]).toMatchObject({
      name: 'Siti Rahmawati',
      dueDate: '2026-11-05',
      overdue: false,
      statusLabel: 'Diterima',
    });
    expect(all.items[0]).not.toHaveProperty('idempotencyKey');

    const complaints = await (await staffRequest(t.app, '/requests?kind=pengaduan')).json();
    expect(complaints.items.map((r: { reference: string }) => r.reference)).toEqual([second]);
    const dueSoon = await (
      await staffRequest(t.app, '/requests?due_by=2026-11-05&status=baru,diproses')
    ).json();
    expect(dueSoon.total).toBe(1);
    const spam = await (await staffRequest(t.app, '/requests?spam=only')).json();
    expect(spam.total).toBe(1);
  });

  test('a request past its due date is overdue', async () => {
    await submit('/api/consultations', fixture('consultation/valid.json'));
    t.clock.set('2026-11-06T03:00:00.000Z');
    const { items } = await (await staffRequest(t.app, '/requests')).json();
    expect(items[0].overdue).toBe(true);
  });

  test('a bad filter is a 400 naming it', async () => {
    const response = await staffRequest(t.app, '/requests?status=dibuang&limit=9999');
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['status.0', 'limit']);
  });

  test('reads one request with its history and mail', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const body = await (await staffRequest(t.app, `/requests/${reference.toLowerCase()}`)).json();
    expect(body).toMatchObject({ reference, question: expect.stringContaining('skripsi') });
    expect(body.history).toEqual([
      {
        at: '2026-11-02T03:00:00.000Z',
        actor: 'warga',
        status: 'baru',
        reply: null,
        note: null,
        staffId: null,
        staffName: null,
        event: null,
        eventPublic: false,
        message: null,
      },
    ]);
    expect(body.mail).toHaveLength(2);
    expect((await staffRequest(t.app, '/requests/KS-2611-000000')).status).toBe(404);
  });

  test('a reply waits on the citizen and is mailed to them', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const response = await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Silakan lihat tabel 4.1.' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'menunggu_pengguna' });
    const mails = await t.store.listOutbox({ pendingOnly: true });
    expect(mails).toHaveLength(3);
    expect(mails[2]).toMatchObject({
      to: 'siti.rahmawati@contoh.co.id',
      subject: expect.stringContaining(reference),
    });
    expect(mails[2].text).toContain('Silakan lihat tabel 4.1.');
  });

  test('a reply can close the request at once', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const response = await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Selesai.', status: 'selesai' },
    });
    expect((await response.json()).status).toBe('selesai');
  });

  test('status changes follow the lifecycle and are kept in the history', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const change = (status: string) =>
      staffRequest(t.app, `/requests/${reference}/status`, { body: { status } });
    expect((await change('diproses')).status).toBe(200);
    expect((await change('baru')).status).toBe(409);
    expect((await change('diproses')).status).toBe(409);
    expect((await change('selesai')).status).toBe(200);
    expect((await change('diproses')).status).toBe(200); // reopened
    const invalid = await change('dihapus');
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields).toHaveProperty('status');
    expect(await query(t.dbPath, 'SELECT status, actor FROM history ORDER BY id')).toEqual([
      { status: 'baru', actor: 'warga' },
      { status: 'diproses', actor: 'petugas' },
      { status: 'selesai', actor: 'petugas' },
      { status: 'diproses', actor: 'petugas' },
    ]);
  });

  test('an empty reply is refused', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const response = await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: '   ' },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual({
      message: 'Tuliskan balasan untuk warga',
    });
  });
});

describe('CSV export', () => {
  test('UTF-8 with BOM, CRLF, one row per request, every cell quoted, formulas defused', async () => {
    await submit('/api/consultations', {
      ...fixture('consultation/valid.json'),
      name: 'Budi;=1+1',
      topic: '=HYPERLINK("http://evil.example")',
      question: 'Ekspor, "kutip"',
    });
    const response = await staffRequest(t.app, '/export.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="permintaan-2026-11-02.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      '"nomor_permintaan","jenis","status","diterima_wib","batas_waktu","terlambat","nama","email","telepon","tindak_lanjut","topik","pertanyaan","kategori","identitas","isi_pengaduan","nomor_permintaan_terkait","dibalas_oleh","spam","data_dihapus"',
    );
    expect(lines[1]).toContain(
      ',"konsultasi","baru","2026-11-02 10:00","2026-11-05","tidak","Budi;=1+1",',
    );
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(lines[1]).toContain(',"Ekspor, ""kutip""",');
    // Every cell, empty ones included, is in quotes: no separator is read outside them.
    expect(lines[1].endsWith(',"","","","","tidak",""')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  test('semicolons for Excel with Indonesian settings', async () => {
    await submit('/api/consultations', fixture('consultation/valid.json'));
    const text = await (await staffRequest(t.app, '/export.csv?sep=semicolon')).text();
    // text() drops the BOM, as a spreadsheet does.
    expect(text.split('\r\n')[0]).toMatch(/^"nomor_permintaan";"jenis";"status";/);
  });
});

describe('erasure (UU PDP)', () => {
  test('by reference: personal data, replies and mail go, the record of the request stays', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    await staffRequest(t.app, `/requests/${reference}/replies`, { body: { message: 'Halo Siti' } });
    const response = await staffRequest(t.app, '/erasure', { body: { reference } });
    expect(await response.json()).toEqual({ erased: 1 });
    const [row] = await query(
      t.dbPath,
      'SELECT name, email, phone, topic, question, channel, erased_at FROM requests',
    );
    expect(row).toEqual({
      name: null,
      email: null,
      phone: null,
      topic: null,
      question: null,
      channel: 'percakapan_online',
      erased_at: '2026-11-02T03:00:00.000Z',
    });
    expect(await query(t.dbPath, 'SELECT reply FROM history WHERE reply IS NOT NULL')).toEqual([]);
    expect((await t.counts()).outbox).toBe(0);
    expect(await query(t.dbPath, 'SELECT note FROM history ORDER BY id DESC LIMIT 1')).toEqual([
      { note: 'Data pribadi dihapus atas permintaan' },
    ]);
  });

  test('by email: every request of that person', async () => {
    await submit('/api/consultations', fixture('consultation/valid.json'));
    await submit('/api/consultations', fixture('consultation/valid.json'));
    await submit('/api/complaints', fixture('complaint/valid.json'));
    const response = await staffRequest(t.app, '/erasure', {
      body: { email: 'Siti.Rahmawati@contoh.co.id' },
    });
    expect(await response.json()).toEqual({ erased: 2 });
    expect(
      await query(t.dbPath, 'SELECT COUNT(*) AS n FROM requests WHERE email IS NOT NULL'),
    ).toEqual([{ n: 1 }]);
  });

  test('needs exactly one of reference or email', async () => {
    const response = await staffRequest(t.app, '/erasure', { body: {} });
    expect(response.status).toBe(422);
  });

  test('an erased request is no longer found by its number alone; an anonymous complaint still is', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const anonymous = await submit('/api/complaints', fixture('complaint/anonymous.json'));
    for (const target of [reference, anonymous]) {
      await staffRequest(t.app, '/erasure', { body: { reference: target } });
    }
    expect((await postJson(t.app, '/api/status', { reference })).status).toBe(404);
    expect(
      (await postJson(t.app, '/api/status', { reference, email: 'siti.rahmawati@contoh.co.id' }))
        .status,
    ).toBe(404);
    expect((await postJson(t.app, '/api/status', { reference: anonymous })).status).toBe(200);
  });

  test('staff cannot reply to an erased request, and a reply read before the erasure queues no mail', async () => {
    const reference = await submit('/api/consultations', fixture('consultation/valid.json'));
    const read = await t.store.findRequest(reference);
    await staffRequest(t.app, '/erasure', { body: { reference } });
    const reply = await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Ini datanya.' },
    });
    expect(reply.status).toBe(409);
    expect((await reply.json()).error.code).toBe('request_erased');
    // The race: the reply was composed from the request as it was before the erasure.
    const mail = {
      to: read?.email ?? '',
      subject: 'x',
      text: 'Ini datanya.',
      purpose: 'reply' as const,
    };
    const queued = await t.store.changeRequest(
      {
        requestId: read?.id ?? 0,
        seen: { status: 'baru' },
        to: 'menunggu_pengguna',
        at: t.clock.now().toISOString(),
        actor: 'petugas',
        reply: 'Ini datanya.',
      },
      [mail],
    );
    expect(queued).toBe(false);
    expect(
      (await t.store.listOutbox({ pendingOnly: false })).filter((m) => m.to === read?.email),
    ).toEqual([]);
    // Closing it without mail still works.
    expect(
      (await staffRequest(t.app, `/requests/${reference}/status`, { body: { status: 'selesai' } }))
        .status,
    ).toBe(200);
  });
});

describe('outbox', () => {
  test('without SMTP the mail waits, visible to staff', async () => {
    await submit('/api/consultations', fixture('consultation/valid.json'));
    const { items } = await (await staffRequest(t.app, '/outbox?pending=1')).json();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ sentAt: null, attempts: 0 });
  });
});
