import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTestApp, postJson, query, staffRequest, type TestApp } from './harness.ts';
import { addOfficer, OfficerBrowser, ORIGIN } from './workspace-client.ts';

let t: TestApp;
let sari: OfficerBrowser;
let kiosk: OfficerBrowser;
const SARI = 'sari@contoh.go.id';
const MINUTE = 60_000;

const GUEST = {
  name: 'Rina Marlina',
  phone: '0812 3456 7890',
  email: 'rina@contoh.co.id',
  institution: 'Universitas Riau',
  purpose: 'konsultasi',
  topic: 'Data penduduk per kecamatan 2025',
  consent: 'ya',
};

beforeEach(async () => {
  t = makeTestApp();
  await addOfficer(t.store, { email: SARI, name: 'Sari Dewi', role: 'admin' });
  sari = new OfficerBrowser(t.app);
  await sari.logIn(SARI);
  kiosk = new OfficerBrowser(t.app);
});
afterEach(() => t.close());

/** An admin makes a pairing link on /petugas/perangkat/ and the kiosk uses it. */
async function pairKiosk(browser = kiosk): Promise<void> {
  await sari.get('/petugas/perangkat/');
  const made = await sari.post('/petugas/perangkat/', { label: 'Tablet Front Office' });
  expect(made.status).toBe(200);
  const link = /<code class="pairing-link">([^<]+)<\/code>/.exec(sari.lastPage)?.[1] ?? '';
  expect(link).toMatch(/^http:\/\/localhost\/loket\/pasang\/\?t=[\w-]{40,}$/);
  const token = new URL(link).searchParams.get('t') ?? '';
  expect((await browser.get(`/loket/pasang/?t=${token}`)).status).toBe(200);
  const paired = await browser.post('/loket/pasang/', { t: token });
  expect(paired.status).toBe(303);
}

async function checkIn(fields: Record<string, string> = {}): Promise<string> {
  const response = await kiosk.post('/loket/', { ...GUEST, ...fields });
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  expect(location).toMatch(/^\/loket\/tiket\/[\w-]{22}\/$/);
  return location.split('/')[3];
}

const queue = async () => (await t.app.request('/api/antrean')).json();
const desk = (action: string, fields: Record<string, string> = {}) =>
  sari.post(`/petugas/loket/${action}`, { meja: 'meja-1', ...fields });
const currentVisitId = async () => {
  await sari.get('/petugas/loket/?meja=meja-1');
  return /action="\/petugas\/loket\/(\d+)\//.exec(sari.lastPage)?.[1] ?? '';
};

describe('pairing the kiosk', () => {
  test('without a paired device or a session the kiosk answers 403 and says why', async () => {
    const response = await kiosk.get('/loket/');
    expect(response.status).toBe(403);
    expect(kiosk.lastPage).toContain('Buku tamu hanya di perangkat loket');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const post = await kiosk.post('/loket/', GUEST);
    expect(post.status).toBe(403);
    expect(await t.counts()).toBeDefined();
    expect((await query(t.dbPath, 'SELECT COUNT(*) AS n FROM visits'))[0].n).toBe(0);
  });

  test('a pairing link works once and sets a long-lived HttpOnly device cookie', async () => {
    await sari.get('/petugas/perangkat/');
    await sari.post('/petugas/perangkat/', { label: 'Tablet Front Office' });
    const link = /<code class="pairing-link">([^<]+)<\/code>/.exec(sari.lastPage)?.[1] ?? '';
    const token = new URL(link).searchParams.get('t') ?? '';
    const paired = await kiosk.post('/loket/pasang/', { t: token });
    expect(paired.status).toBe(303);
    const cookie = paired.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pst_kiosk=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toMatch(/Max-Age=34560000/);
    expect((await kiosk.get('/loket/')).status).toBe(200);
    expect(kiosk.lastPage).toContain('Ambil nomor antrean');

    const other = new OfficerBrowser(t.app);
    expect((await other.post('/loket/pasang/', { t: token })).status).toBe(410);
    expect((await other.get('/loket/')).status).toBe(403);
    // Only hashes are stored.
    expect(JSON.stringify(await query(t.dbPath, 'SELECT * FROM kiosk_links'))).not.toContain(token);
  });

  test('a revoked device no longer opens the kiosk', async () => {
    await pairKiosk();
    const id = (await query(t.dbPath, 'SELECT id FROM kiosk_devices'))[0].id;
    await sari.get('/petugas/perangkat/');
    expect((await sari.post(`/petugas/perangkat/${id}/cabut/`, {})).status).toBe(303);
    expect((await kiosk.get('/loket/')).status).toBe(403);
    const actions = (await query(t.dbPath, 'SELECT action FROM audit_log ORDER BY id')).map(
      (r) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['kiosk-tautan', 'kiosk-pasang', 'kiosk-cabut']),
    );
  });

  test('a pairing link expires after 24 hours', async () => {
    await sari.get('/petugas/perangkat/');
    await sari.post('/petugas/perangkat/', { label: 'Tablet' });
    const link = /<code class="pairing-link">([^<]+)<\/code>/.exec(sari.lastPage)?.[1] ?? '';
    t.clock.advance(24 * 60 * MINUTE + 1);
    const response = await kiosk.post('/loket/pasang/', {
      t: new URL(link).searchParams.get('t') ?? '',
    });
    expect(response.status).toBe(410);
  });

  test('an officer who is not admin cannot make pairing links', async () => {
    await addOfficer(t.store, { email: 'budi@contoh.go.id', name: 'Budi' });
    const budi = new OfficerBrowser(t.app);
    await budi.logIn('budi@contoh.go.id');
    expect((await budi.get('/petugas/perangkat/')).status).toBe(403);
  });

  test('a signed-in officer opens the kiosk without pairing', async () => {
    expect((await sari.get('/loket/')).status).toBe(200);
  });
});

describe('checking in', () => {
  beforeEach(() => pairKiosk());

  test('a check-in gives a ticket K-001 with the people ahead, a QR code and a short link', async () => {
    const id = await checkIn();
    const ticket = await kiosk.get(`/loket/tiket/${id}/`);
    expect(ticket.status).toBe(200);
    expect(kiosk.lastPage).toContain('K-001');
    expect(kiosk.lastPage).toContain('<svg');
    expect(kiosk.lastPage).toContain(`localhost/antrean/${id}/`);
    // Back to an empty form: the kiosk's script, or without it a <noscript> refresh.
    expect(kiosk.lastPage).toContain(
      '<noscript><meta http-equiv="refresh" content="20;url=/loket/"',
    );
    expect(kiosk.lastPage).toContain('src="/antrean/loket.js"');
    expect(kiosk.lastPage).not.toContain('Rina');

    const second = await checkIn({ name: 'Budi', email: '' });
    await kiosk.get(`/antrean/${second}/`);
    expect(kiosk.lastPage).toContain('K-002');
    expect(kiosk.lastPage).toContain('1 orang lagi sebelum Anda');
    const third = await checkIn({ purpose: 'perpustakaan' });
    await kiosk.get(`/antrean/${third}/`);
    expect(kiosk.lastPage).toContain('P-001');
  });

  test('bad input gets the form again with Indonesian messages and nothing stored', async () => {
    const response = await kiosk.post('/loket/', { ...GUEST, name: '', purpose: 'x', consent: '' });
    expect(response.status).toBe(400);
    expect(kiosk.lastPage).toContain('Masukkan nama Anda');
    expect(kiosk.lastPage).toContain('Pilih keperluan kunjungan Anda');
    expect(kiosk.lastPage).toContain('Centang persetujuan');
    expect(kiosk.lastPage).toContain('Universitas Riau');
    expect((await query(t.dbPath, 'SELECT COUNT(*) AS n FROM visits'))[0].n).toBe(0);
  });

  test('a post from another site is refused', async () => {
    const response = await kiosk.post('/loket/', GUEST, { origin: 'https://jahat.example' });
    expect(response.status).toBe(403);
  });

  test('numbers restart on the next day in Asia/Jakarta', async () => {
    await checkIn();
    // 23:59 WIB on Monday is 16:59Z; a minute later it is Tuesday in Jakarta.
    t.clock.set('2026-11-02T16:59:00.000Z');
    await checkIn();
    t.clock.set('2026-11-02T17:00:30.000Z');
    const id = await checkIn();
    await kiosk.get(`/antrean/${id}/`);
    expect(kiosk.lastPage).toContain('K-001');
    const rows = await query(t.dbPath, 'SELECT day, seq FROM visits ORDER BY id');
    expect(rows).toEqual([
      { day: '2026-11-02', seq: 1 },
      { day: '2026-11-02', seq: 2 },
      { day: '2026-11-03', seq: 1 },
    ]);
  });

  test('on a holiday the kiosk says the service is closed today', async () => {
    t.clock.set('2026-12-25T03:00:00.000Z');
    const response = await kiosk.get('/loket/');
    expect(response.status).toBe(200);
    expect(kiosk.lastPage).toContain('Layanan tutup hari ini');
    expect((await kiosk.post('/loket/', GUEST)).status).toBe(409);
  });

  test('50 simultaneous check-ins get 50 distinct consecutive numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        kiosk.post('/loket/', { ...GUEST, name: `Tamu ${index + 1}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(303));
    const seqs = (await query(t.dbPath, 'SELECT seq FROM visits ORDER BY seq')).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect((await queue()).waiting).toBe(50);
  });
});

describe('the desk', () => {
  beforeEach(() => pairKiosk());

  test('call, start and finish: the queue, the ticket and the staff API follow', async () => {
    const ticket = await checkIn();
    t.clock.advance(3 * MINUTE);
    await sari.get('/petugas/loket/?meja=meja-1');
    expect((await desk('panggil/')).status).toBe(303);
    let state = await queue();
    expect(state.desks[0]).toMatchObject({ id: 'meja-1', serving: 'K-001', state: 'dipanggil' });
    expect(JSON.stringify(state)).not.toContain('Rina');
    await kiosk.get(`/antrean/${ticket}/`);
    expect(kiosk.lastPage).toContain('Giliran Anda! Silakan ke Meja 1.');

    const id = await currentVisitId();
    expect(sari.lastPage).toContain('Rina Marlina');
    t.clock.advance(MINUTE);
    expect((await desk(`${id}/mulai/`)).status).toBe(303);
    t.clock.advance(15 * MINUTE);
    expect((await desk(`${id}/selesai/`, { catatan: 'Diberi tabel 4.1' })).status).toBe(303);
    state = await queue();
    expect(state.desks[0].serving).toBe(null);

    await kiosk.get(`/antrean/${ticket}/`);
    const reference = /Nomor kunjungan: <strong>(KJ-\d{4}-[0-9A-Z]{6})<\/strong>/.exec(
      kiosk.lastPage,
    )?.[1];
    expect(reference).toBeDefined();
    expect(kiosk.lastPage).toContain(`/penilaian/?ref=${reference}`);

    const report = await (await staffRequest(t.app, '/kunjungan?date=2026-11-02')).json();
    expect(report).toMatchObject({ date: '2026-11-02', standardMinutes: 10, served: 1 });
    expect(report.visits[0]).toMatchObject({
      number: 'K-001',
      reference,
      desk: 'meja-1',
      officer: 'Sari Dewi',
      waitMinutes: 4,
      withinStandard: true,
    });
    expect(report.shareWithinStandard).toBe(1);
    expect(JSON.stringify(report)).not.toContain('Rina');

    // The rating invitation, and the rating counted as a walk-in.
    const mail = await query(
      t.dbPath,
      "SELECT recipient FROM outbox WHERE purpose = 'rating_invitation'",
    );
    expect(mail).toEqual([{ recipient: 'rina@contoh.co.id' }]);
    const rated = await postJson(
      t.app,
      '/api/ratings',
      { reference, u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
      {},
    );
    expect(rated.status).toBe(201);
    expect(await query(t.dbPath, 'SELECT channel FROM ratings')).toEqual([
      { channel: 'datang_langsung' },
    ]);

    const actions = await query(
      t.dbPath,
      'SELECT action, target FROM audit_log WHERE action LIKE ?',
      'loket-%',
    );
    expect(actions.map((a) => a.action)).toEqual(['loket-panggil', 'loket-mulai', 'loket-selesai']);
    expect(JSON.stringify(actions)).not.toContain('Rina');
  });

  test('the staff API needs the token and a real date', async () => {
    expect((await t.app.request('/api/staff/kunjungan?date=2026-11-02')).status).toBe(401);
    const bad = await staffRequest(t.app, '/kunjungan?date=2026-13-45');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/[a-z]/);
  });

  test('a desk still serving cannot call the next number', async () => {
    await checkIn();
    await checkIn();
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    const again = await desk('panggil/');
    expect(again.status).toBe(409);
    expect(sari.lastPage).toContain('Selesaikan atau lewati nomor itu dulu');
  });

  test('recall raises the call count the display announces', async () => {
    await checkIn();
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    const id = await currentVisitId();
    await desk(`${id}/ulang/`);
    expect((await queue()).desks[0].calls).toBe(2);
  });

  test('skip: back to the end of the queue once, then dropped', async () => {
    const first = await checkIn();
    await checkIn({ name: 'Budi' });
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    let id = await currentVisitId();
    expect((await desk(`${id}/lewati/`)).status).toBe(303);
    expect((await queue()).next).toEqual(['K-002', 'K-001']);
    await desk('panggil/'); // K-002
    const second = await currentVisitId();
    await desk(`${second}/mulai/`);
    await desk(`${second}/selesai/`);
    await desk('panggil/'); // K-001 again
    id = await currentVisitId();
    await desk(`${id}/lewati/`);
    expect((await queue()).waiting).toBe(0);
    await kiosk.get(`/antrean/${first}/`);
    expect(kiosk.lastPage).toContain('sudah dilewati');
  });

  test('an online follow-up opens a consultation request for the visitor', async () => {
    await checkIn();
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    const id = await currentVisitId();
    await desk(`${id}/mulai/`);
    const done = await desk(`${id}/selesai/`, { catatan: 'Butuh data desa', tindak_lanjut: 'ya' });
    expect(done.status).toBe(303);
    const [request] = await query(t.dbPath, 'SELECT reference, email, channel FROM requests');
    expect(request).toMatchObject({ email: 'rina@contoh.co.id', channel: 'percakapan_online' });
    expect(
      (await query(t.dbPath, 'SELECT follow_up_reference FROM visits'))[0].follow_up_reference,
    ).toBe(request.reference);
  });

  test('no follow-up without an email: a clear message, the visit not finished', async () => {
    await checkIn({ email: '' });
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    const id = await currentVisitId();
    await desk(`${id}/mulai/`);
    const done = await desk(`${id}/selesai/`, { tindak_lanjut: 'ya' });
    expect(done.status).toBe(400);
    expect(sari.lastPage).toContain('tidak mengisi email');
    expect((await query(t.dbPath, 'SELECT state FROM visits'))[0].state).toBe('dilayani');
  });

  test('a desk post without the CSRF token changes nothing', async () => {
    await checkIn();
    await sari.get('/petugas/loket/?meja=meja-1');
    sari.csrf = 'salah';
    expect((await desk('panggil/')).status).toBe(403);
    expect((await query(t.dbPath, 'SELECT state FROM visits'))[0].state).toBe('menunggu');
  });

  test('starting twice is refused with 409', async () => {
    await checkIn();
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    const id = await currentVisitId();
    await desk(`${id}/mulai/`);
    expect((await desk(`${id}/mulai/`)).status).toBe(409);
  });
});

describe('the public queue', () => {
  beforeEach(() => pairKiosk());

  test('the stream sends the state at once and again after a call', async () => {
    await checkIn();
    const response = await t.app.request('/api/antrean/stream');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const read = async () => decoder.decode((await reader.read()).value);
    const first = await read();
    expect(first).toContain('event: antrean');
    expect(first).toContain('"waiting":1');
    await sari.get('/petugas/loket/?meja=meja-1');
    await desk('panggil/');
    let next = '';
    while (!next.includes('"serving":"K-001"')) next += await read();
    await reader.cancel();
  });

  test('the display and the ticket pages are never cached', async () => {
    const id = await checkIn();
    for (const path of ['/antrean/layar/', `/antrean/${id}/`, '/api/antrean', '/loket/']) {
      const response = await kiosk.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await kiosk.get('/antrean/tidak-ada-tiket-ini-sama/')).status).toBe(404);
  });

  test('erasure by email removes the guest-book data and keeps the times', async () => {
    await checkIn();
    const erased = await staffRequest(t.app, '/erasure', { body: { email: 'rina@contoh.co.id' } });
    expect(erased.status).toBeLessThan(300);
    const [visit] = await query(
      t.dbPath,
      'SELECT name, email, topic, arrived_at, erased_at FROM visits',
    );
    expect(visit).toMatchObject({ name: null, email: null, topic: null });
    expect(visit.arrived_at).not.toBe(null);
    expect(visit.erased_at).not.toBe(null);
  });

  test('retention erases guest-book entries older than the office keeps data', async () => {
    await checkIn();
    await t.store.purgeBefore('2026-11-03T00:00:00.000Z', '2026-11-03T00:00:00.000Z', 'retensi');
    expect((await query(t.dbPath, 'SELECT name FROM visits'))[0].name).toBe(null);
  });
});

test('ORIGIN is the test origin', () => expect(ORIGIN).toBe('http://localhost'));
