import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IDLE_MS, MAX_MS } from '../../src/server/http/staff-session.ts';
import { fixture, makeTestApp, postJson, query, type TestApp } from './harness.ts';
import { addOfficer, OfficerBrowser, ORIGIN, PASSWORD } from './workspace-client.ts';

let t: TestApp;
let sari: OfficerBrowser;
const SARI = 'sari@contoh.go.id';
const BUDI = 'budi@contoh.go.id';

beforeEach(async () => {
  t = makeTestApp();
  await addOfficer(t.store, { email: SARI, name: 'Sari Dewi', role: 'admin' });
  await addOfficer(t.store, { email: BUDI, name: 'Budi Santoso' });
  sari = new OfficerBrowser(t.app);
});
afterEach(() => t.close());

async function consultation(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson(t.app, '/api/consultations', {
    ...fixture('consultation/valid.json'),
    ...overrides,
  });
  return (await response.json()).reference;
}

const page = (reference: string) => `/petugas/permintaan/${reference}/`;

describe('logging in', () => {
  test('a page without a session leads to the login, remembering the page, and shows nothing', async () => {
    const reference = await consultation();
    for (const path of [
      '/petugas/',
      page(reference),
      '/petugas/akun/',
      '/petugas/unduh.csv?dari=2026-11-01&sampai=2026-11-30',
    ]) {
      const response = await sari.get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(
        `/petugas/masuk/?lanjut=${encodeURIComponent(path)}`,
      );
      expect(await response.text()).not.toContain('Siti');
    }
  });

  test('the right password: 303 to the inbox with an HttpOnly, SameSite cookie for the whole site', async () => {
    const response = await sari.logIn(SARI);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/petugas/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pst_petugas=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect((await sari.get('/petugas/')).status).toBe(200);
    expect(sari.lastPage).toContain('Masuk sebagai Sari Dewi');
  });

  test('over HTTPS the cookie is Secure and __Host- prefixed', async () => {
    const response = await t.app.request('https://pst.contoh.go.id/petugas/masuk/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://pst.contoh.go.id',
        host: 'pst.contoh.go.id',
      },
      body: new URLSearchParams({ email: SARI, password: PASSWORD }).toString(),
    });
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-pst_petugas=/);
    expect(cookie).toContain('Secure');
    expect(cookie).not.toContain('Domain');
  });

  test('after login it returns to the page asked for, and never to another site', async () => {
    const reference = await consultation();
    expect(
      (
        await sari.post('/petugas/masuk/', {
          email: SARI,
          password: PASSWORD,
          lanjut: page(reference),
        })
      ).headers.get('location'),
    ).toBe(page(reference));
    for (const lanjut of [
      'https://jahat.example/',
      '//jahat.example/petugas/',
      '/status/',
      '/petugas/\\\\jahat',
    ]) {
      const other = new OfficerBrowser(t.app);
      const response = await other.post('/petugas/masuk/', {
        email: SARI,
        password: PASSWORD,
        lanjut,
      });
      expect(response.headers.get('location')).toBe('/petugas/');
    }
  });

  test('a wrong password and an unknown email get the same 401 page and message', async () => {
    const wrong = await sari.logIn(SARI, 'bukan-kata-sandinya');
    const unknown = await sari.logIn('siapa@contoh.go.id', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const text = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(text(await wrong.text())).toBe(text(await unknown.text()));
    expect(await (await sari.logIn(SARI, '')).text()).toContain('Email atau kata sandi salah');
  });

  test('a disabled officer cannot log in, and the disabling ended their session', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    expect((await budi.get('/petugas/')).status).toBe(200);
    await sari.logIn(SARI);
    await sari.get('/petugas/akun/');
    const id = String(
      (await query(t.dbPath, 'SELECT id FROM staff_users WHERE email = ?', BUDI))[0].id,
    );
    expect((await sari.post(`/petugas/akun/${id}/aktif/`, { aktif: '0' })).status).toBe(303);
    expect((await budi.get('/petugas/')).status).toBe(303);
    expect((await new OfficerBrowser(t.app).logIn(BUDI)).status).toBe(401);
  });
});

describe('the login throttle', () => {
  test('5 failures for an email within 15 minutes lock it for 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await sari.logIn(SARI, `salah-${i}-kata-sandi`)).status).toBe(401);
      t.clock.advance(60_000);
    }
    const locked = await sari.logIn(SARI);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await locked.text();
    expect(html).toContain('Terlalu banyak percobaan masuk yang gagal');
    expect(html).toMatch(/coba lagi setelah .* pukul 10\.19 WIB \(sekitar 14 menit lagi\)/);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // Another officer's email is not locked.
    expect((await new OfficerBrowser(t.app).logIn(BUDI)).status).toBe(303);
    // 15 minutes after the fifth failure (at 10:04) the lock ends.
    t.clock.advance(14 * 60_000 - 1000);
    expect((await sari.logIn(SARI)).status).toBe(429);
    t.clock.advance(2000);
    expect((await sari.logIn(SARI)).status).toBe(303);
  });

  test('a success starts the count again for the email', async () => {
    for (let i = 0; i < 4; i += 1) await sari.logIn(SARI, 'salah-salah-salah');
    expect((await sari.logIn(SARI)).status).toBe(303);
    const again = new OfficerBrowser(t.app);
    for (let i = 0; i < 4; i += 1)
      expect((await again.logIn(SARI, 'salah-salah-salah')).status).toBe(401);
    expect((await again.logIn(SARI)).status).toBe(303);
  });

  test('one address trying many emails is locked after 20 failures', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await sari.logIn(`tebak${i}@contoh.go.id`, 'salah-salah-salah')).status).toBe(401);
    }
    expect((await sari.logIn(SARI)).status).toBe(429);
  });
});

describe('sessions', () => {
  test('end after 8 hours without use; use keeps them going', async () => {
    await sari.logIn(SARI);
    t.clock.advance(IDLE_MS - 60_000);
    expect((await sari.get('/petugas/')).status).toBe(200);
    t.clock.advance(3 * 3_600_000);
    expect((await sari.get('/petugas/')).status).toBe(200);
    const idle = new OfficerBrowser(t.app);
    await idle.logIn(BUDI);
    t.clock.advance(IDLE_MS + 1000);
    expect((await idle.get('/petugas/')).status).toBe(303);
    expect(idle.lastPage).toBe('');
  });

  test('end 12 hours after login however busy the officer is', async () => {
    await sari.logIn(SARI);
    for (let elapsed = 0; elapsed < MAX_MS - 3_600_000; elapsed += 3_600_000) {
      t.clock.advance(3_600_000);
      expect((await sari.get('/petugas/')).status).toBe(200);
    }
    t.clock.advance(3_600_000 + 1000);
    expect((await sari.get('/petugas/')).status).toBe(303);
  });

  test('logout ends the session in the database: the old cookie opens nothing', async () => {
    await sari.logIn(SARI);
    await sari.get('/petugas/');
    const oldCookie = sari.cookie;
    const response = await sari.post('/petugas/keluar/', {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/petugas/masuk/?keluar=1');
    expect((await query(t.dbPath, 'SELECT COUNT(*) AS n FROM staff_sessions'))[0].n).toBe(0);
    const replay = await t.app.request('/petugas/', { headers: { cookie: oldCookie } });
    expect(replay.status).toBe(303);
  });

  test('the database keeps only the token’s hash', async () => {
    await sari.logIn(SARI);
    const token = sari.cookie.split('=')[1];
    const [row] = await query(t.dbPath, 'SELECT token_hash FROM staff_sessions');
    expect(row.token_hash).not.toBe(token);
    expect(String(row.token_hash)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('CSRF and origin', () => {
  let reference: string;
  beforeEach(async () => {
    reference = await consultation();
    await sari.logIn(SARI);
    await sari.get(page(reference));
  });

  const reply = () => ({
    message: 'Datanya ada di tabel 4.1.',
    aksi: 'kirim',
    versi: sari.version(),
  });
  const replies = async () =>
    Number(
      (await query(t.dbPath, 'SELECT COUNT(*) AS n FROM history WHERE reply IS NOT NULL'))[0].n,
    );

  test.each([
    ['a foreign Origin', { origin: 'https://jahat.example' }],
    ['a foreign Referer without Origin', { origin: '', referer: 'https://jahat.example/x' }],
    ['neither Origin nor Referer', { origin: '' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('%s is refused with 403 and changes nothing', async (_, headers) => {
    const cleaned = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
    const response = await t.app.request(`${page(reference)}balas/`, {
      method: 'POST',
      headers: {
        cookie: sari.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        ...('origin' in headers && headers.origin === '' ? {} : { origin: ORIGIN }),
        ...cleaned,
      },
      body: new URLSearchParams({ csrf: sari.csrf, ...reply() }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await replies()).toBe(0);
  });

  test('a same-origin Referer without Origin is accepted', async () => {
    const response = await sari.post(`${page(reference)}balas/`, reply(), {
      origin: '',
      referer: `${ORIGIN}${page(reference)}`,
    });
    expect(response.status).toBe(303);
  });

  test('a missing or wrong token is refused with 403 and changes nothing', async () => {
    for (const csrf of ['', 'x'.repeat(32)]) {
      const response = await sari.post(`${page(reference)}balas/`, { ...reply(), csrf });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Muat ulang halaman');
    }
    expect(await replies()).toBe(0);
  });

  test('another officer’s token does not work with this session', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    await budi.get('/petugas/');
    const response = await sari.post(`${page(reference)}balas/`, { ...reply(), csrf: budi.csrf });
    expect(response.status).toBe(403);
  });

  test('logout needs the token too', async () => {
    expect((await sari.post('/petugas/keluar/', { csrf: '' })).status).toBe(403);
    expect((await sari.get('/petugas/')).status).toBe(200);
  });

  test('the login refuses a foreign origin', async () => {
    const other = new OfficerBrowser(t.app);
    const response = await other.post(
      '/petugas/masuk/',
      { email: SARI, password: PASSWORD },
      { origin: 'https://jahat.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('the inbox', () => {
  beforeEach(() => sari.logIn(SARI));

  test('lists open requests soonest due first, newest first on the same day, with counts and badges', async () => {
    const first = await consultation({ topic: 'Topik pertama' });
    t.clock.advance(60_000);
    const second = await consultation({ topic: 'Topik kedua' });
    t.clock.advance(3 * 86_400_000);
    const later = await consultation({ topic: 'Topik hari Kamis' });
    await sari.logIn(SARI);
    await sari.get('/petugas/');
    const html = sari.lastPage;
    const order = [second, first, later].map((reference) => html.indexOf(reference));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<span class="count">3</span> Baru');
    // Thursday 5 November: the first two are due today, the third in 3 working days.
    expect(html).toContain('Jatuh tempo hari ini');
    expect(html).toContain('3 hari kerja lagi');
  });

  test('filters live in the URL: status, kind, channel, mine, overdue, search, spam', async () => {
    const online = await consultation({ topic: 'Inflasi Bengkalis' });
    const visit = await consultation({
      channel: 'datang_langsung',
      topic: 'Data nelayan',
      email: 'andi@contoh.co.id',
      name: 'Andi Saputra',
    });
    const spam = await consultation({ topic: 'Promo', website: 'http://spam.example' });
    const complaint = (
      await (await postJson(t.app, '/api/complaints', fixture('complaint/valid.json'))).json()
    ).reference;

    const listed = async (search: string) => {
      await sari.get(`/petugas/${search}`);
      return [online, visit, spam, complaint].filter((reference) =>
        sari.lastPage.includes(reference),
      );
    };
    expect(await listed('')).toEqual([online, visit, complaint]);
    expect(await listed('?jenis=pengaduan')).toEqual([complaint]);
    expect(await listed('?tindak_lanjut=datang_langsung')).toEqual([visit]);
    expect(await listed('?cari=andi%40contoh')).toEqual([visit]);
    expect(await listed('?cari=inflasi')).toEqual([online]);
    expect(await listed(`?cari=${online.toLowerCase()}`)).toEqual([online]);
    expect(await listed('?spam=1')).toEqual([spam]);
    expect(await listed('?milik_saya=1')).toEqual([]);
    expect(await listed('?terlambat=1')).toEqual([]);
    t.clock.advance(7 * 86_400_000);
    await sari.logIn(SARI);
    expect(await listed('?terlambat=1')).toEqual([online, visit, complaint]);
    expect(sari.lastPage).toMatch(/Terlambat \d hari kerja/);
    // The filter form shows the filter of the URL.
    await sari.get('/petugas/?jenis=pengaduan&milik_saya=1');
    expect(sari.lastPage).toContain('<option value="pengaduan" selected>');
    expect(sari.lastPage).toMatch(/name="milik_saya" value="1" checked/);
  });

  test('pages of 25 with links that keep the filter', async () => {
    for (let i = 0; i < 27; i += 1) await consultation({ email: `warga${i}@contoh.co.id` });
    await sari.get('/petugas/?jenis=konsultasi');
    expect(sari.lastPage.match(/class="inbox-row"/g)).toHaveLength(25);
    expect(sari.lastPage).toContain('halaman 1 dari 2');
    expect(sari.lastPage).toContain('href="/petugas/?jenis=konsultasi&amp;halaman=2"');
    await sari.get('/petugas/?jenis=konsultasi&halaman=2');
    expect(sari.lastPage.match(/class="inbox-row"/g)).toHaveLength(2);
  });

  test('pages are never stored nor indexed', async () => {
    const response = await sari.get('/petugas/');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(sari.lastPage).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const login = await new OfficerBrowser(t.app).get('/petugas/masuk/');
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  test('the CSV of a period names who replied, and the download is audited', async () => {
    const reference = await consultation();
    await sari.get(page(reference));
    await sari.post(`${page(reference)}balas/`, {
      message: 'Jawaban.',
      aksi: 'kirim',
      versi: sari.version(),
    });
    const response = await sari.get(
      '/petugas/unduh.csv?dari=2026-11-01&sampai=2026-11-30&pemisah=titik-koma',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await response.text();
    const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
    const columns = header.split(';');
    expect(row.split(';')[columns.indexOf('"dibalas_oleh"')]).toBe('"Sari Dewi"');
    expect(
      await query(t.dbPath, "SELECT target FROM audit_log WHERE action = 'unduh-csv'"),
    ).toEqual([{ target: '2026-11-01..2026-11-30' }]);
    expect((await sari.get('/petugas/unduh.csv?dari=2026-11-30&sampai=2026-11-01')).status).toBe(
      400,
    );
    expect((await sari.get('/petugas/unduh.csv?dari=kemarin&sampai=2026-11-01')).status).toBe(400);
  });
});

describe('a request', () => {
  let reference: string;
  beforeEach(async () => {
    reference = await consultation();
    await sari.logIn(SARI);
    await sari.get(page(reference));
  });

  const audit = () =>
    query(
      t.dbPath,
      'SELECT action, target, staff_id FROM audit_log WHERE action <> ? ORDER BY id',
      'masuk',
    );

  test('shows the whole request, its SLA clock and the mails with their delivery state', () => {
    const html = sari.lastPage;
    expect(html).toContain('Siti Rahmawati');
    expect(html).toContain('Apakah tersedia data jumlah penduduk miskin per kecamatan');
    expect(html).toContain('Kamis, 5 November 2026');
    expect(html).toContain('3 hari kerja lagi');
    expect(html).toContain('Tanda terima ke pengguna');
    expect(html).toContain('menunggu dikirim');
    expect(html).toContain('Permintaan diterima');
  });

  test('a reply reaches /status/ and the outbox, with the officer’s name in the thread and the audit', async () => {
    const response = await sari.post(`${page(reference)}balas/`, {
      message: 'Data tersedia di publikasi Kecamatan Dalam Angka.',
      aksi: 'kirim',
      versi: sari.version(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${page(reference)}?selesai=balasan`);
    await sari.get(response.headers.get('location') ?? '');
    expect(sari.lastPage).toContain('Balasan terkirim');
    expect(sari.lastPage).toContain('oleh Sari Dewi');
    const status = await postJson(t.app, '/api/status', {
      reference,
      email: 'siti.rahmawati@contoh.co.id',
    });
    const answer = await status.json();
    expect(answer.status).toBe('menunggu_pengguna');
    expect(JSON.stringify(answer)).toContain('Kecamatan Dalam Angka');
    expect(await query(t.dbPath, "SELECT recipient FROM outbox WHERE purpose = 'reply'")).toEqual([
      { recipient: 'siti.rahmawati@contoh.co.id' },
    ]);
    expect(await audit()).toEqual([{ action: 'balas', target: reference, staff_id: 1 }]);
  });

  test('a reply may close the request in the same step', async () => {
    await sari.post(`${page(reference)}balas/`, {
      message: 'Selesai.',
      aksi: 'kirim',
      setelah: 'tutup',
      versi: sari.version(),
    });
    expect((await t.store.findRequest(reference))?.status).toBe('selesai');
  });

  test('an empty reply, or one with a template’s fill-in mark, is drawn again with the error', async () => {
    const empty = await sari.post(`${page(reference)}balas/`, {
      message: '  ',
      aksi: 'kirim',
      versi: sari.version(),
    });
    expect(empty.status).toBe(400);
    expect(sari.lastPage).toContain('Tulis balasan untuk pengguna');
    expect(sari.lastPage).toContain('aria-invalid="true"');
    const unfilled = await sari.post(`${page(reference)}balas/`, {
      message: 'Terima kasih.\n\n[Tulis jawaban di sini: data atau informasi]',
      aksi: 'kirim',
      versi: sari.version(),
    });
    expect(unfilled.status).toBe(400);
    expect(sari.lastPage).toContain('Ganti teks dalam tanda [ ]');
    expect(sari.lastPage).toContain('Terima kasih.');
    expect(
      (await query(t.dbPath, 'SELECT COUNT(*) AS n FROM history WHERE reply IS NOT NULL'))[0].n,
    ).toBe(0);
  });

  test('without JavaScript, “Sisipkan” puts the template after what was typed, links as full addresses', async () => {
    const response = await sari.post(`${page(reference)}balas/`, {
      message: 'Yth. Ibu Siti,',
      template: 'biaya',
      aksi: 'sisipkan',
      versi: sari.version(),
    });
    expect(response.status).toBe(200);
    const box =
      /<textarea[^>]*name="message"[^>]*>([\s\S]*?)<\/textarea>/.exec(sari.lastPage)?.[1] ?? '';
    expect(box).toMatch(/^Yth\. Ibu Siti,\n\nPelayanan Konsultasi Statistik tidak dipungut biaya/);
    expect(box).toContain('(https://pst-bengkalis.example.go.id/faq/biaya/)');
    expect(sari.lastPage).toMatch(/<textarea[^>]*autofocus/);
    expect(
      (await query(t.dbPath, 'SELECT COUNT(*) AS n FROM history WHERE reply IS NOT NULL'))[0].n,
    ).toBe(0);
  });

  test('only the templates for its kind are offered', () => {
    expect(sari.lastPage).toContain('Pertanyaan perlu dilengkapi');
    expect(sari.lastPage).not.toContain('Pengaduan sedang ditindaklanjuti');
  });

  test('status, note, assignment and spam each change the request, in the thread and the audit', async () => {
    expect(
      (await sari.post(`${page(reference)}status/`, { status: 'diproses', versi: sari.version() }))
        .status,
    ).toBe(303);
    await sari.get(page(reference));
    await sari.post(`${page(reference)}catatan/`, {
      catatan: 'Tanya bidang sosial.',
      versi: sari.version(),
    });
    await sari.get(page(reference));
    await sari.post(`${page(reference)}tetapkan/`, { petugas: '2', versi: sari.version() });
    await sari.get(page(reference));
    await sari.post(`${page(reference)}spam/`, { spam: '1', versi: sari.version() });
    await sari.get(page(reference));
    const html = sari.lastPage;
    expect(html).toContain('Status menjadi <strong>Diproses</strong> oleh Sari Dewi');
    expect(html).toContain(
      'Catatan internal</strong> oleh Sari Dewi (tidak terlihat oleh pengguna)',
    );
    expect(html).toContain('Ditugaskan kepada Budi Santoso oleh Sari Dewi');
    expect(html).toContain('Ditandai sebagai spam oleh Sari Dewi');
    const request = await t.store.findRequest(reference);
    expect(request).toMatchObject({ status: 'diproses', assignedTo: 2, spam: true });
    expect((await audit()).map((row) => row.action)).toEqual([
      'ubah-status',
      'catatan',
      'tetapkan',
      'spam',
    ]);
    // The note never reaches the citizen.
    const status = await postJson(t.app, '/api/status', {
      reference,
      email: 'siti.rahmawati@contoh.co.id',
    });
    expect(JSON.stringify(await status.json())).not.toContain('bidang sosial');
  });

  test('a status the lifecycle does not allow is refused with 409', async () => {
    await sari.post(`${page(reference)}status/`, { status: 'selesai', versi: sari.version() });
    await sari.get(page(reference));
    const response = await sari.post(`${page(reference)}status/`, {
      status: 'menunggu_pengguna',
      versi: sari.version(),
    });
    expect(response.status).toBe(409);
    expect(sari.lastPage).toContain(
      'Status tidak dapat diubah dari Selesai menjadi Menunggu pengguna',
    );
  });

  test('two officers at once: the second gets a conflict and keeps the text, nothing is overwritten', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    await budi.get(page(reference));
    expect(
      (
        await sari.post(`${page(reference)}balas/`, {
          message: 'Jawaban Sari.',
          aksi: 'kirim',
          versi: sari.version(),
        })
      ).status,
    ).toBe(303);
    const late = await budi.post(`${page(reference)}balas/`, {
      message: 'Jawaban Budi.',
      aksi: 'kirim',
      versi: budi.version(),
    });
    expect(late.status).toBe(409);
    expect(budi.lastPage).toContain('baru saja diubah oleh petugas lain');
    expect(budi.lastPage).toContain('Jawaban Budi.</textarea>');
    expect(budi.lastPage).toContain('Jawaban Sari.');
    expect(await query(t.dbPath, 'SELECT reply FROM history WHERE reply IS NOT NULL')).toEqual([
      { reply: 'Jawaban Sari.' },
    ]);
    // Sent again from the page drawn with the conflict, it goes through.
    expect(
      (
        await budi.post(`${page(reference)}balas/`, {
          message: 'Jawaban Budi.',
          aksi: 'kirim',
          versi: budi.version(),
        })
      ).status,
    ).toBe(303);
  });

  test('erasure: a confirmation naming what goes, then personal data gone and the reply form with it', async () => {
    await sari.post(`${page(reference)}catatan/`, {
      catatan: 'Catatan pribadi.',
      versi: sari.version(),
    });
    const confirm = await sari.get(`${page(reference)}hapus/`);
    expect(confirm.status).toBe(200);
    for (const item of [
      'nama',
      'email',
      'nomor HP/WhatsApp',
      'pertanyaan',
      '1 catatan',
      '2 email dalam antrean',
    ]) {
      expect(sari.lastPage).toContain(`<li>${item}`);
    }
    const response = await sari.post(`${page(reference)}hapus/`, { versi: sari.version() });
    expect(response.status).toBe(303);
    await sari.get(page(reference));
    expect(sari.lastPage).not.toContain('Siti');
    expect(sari.lastPage).not.toContain('Catatan pribadi');
    expect(sari.lastPage).not.toContain('name="message"');
    expect(sari.lastPage).toContain('Data pribadi dan isi permintaan ini telah dihapus');
    expect((await audit()).at(-1)).toEqual({
      action: 'hapus-data',
      target: reference,
      staff_id: 1,
    });
  });

  test('an unknown number is a 404 page inside the workspace', async () => {
    expect((await sari.get('/petugas/permintaan/KS-0000-XXXXXX/')).status).toBe(404);
    expect(sari.lastPage).toContain('Permintaan tidak ditemukan');
  });

  test('a form without its version is refused, and nothing changes', async () => {
    const response = await sari.post(`${page(reference)}status/`, { status: 'diproses' });
    expect(response.status).toBe(400);
    expect((await t.store.findRequest(reference))?.status).toBe('baru');
  });
});

describe('accounts', () => {
  test('only admins see the accounts page', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    expect((await budi.get('/petugas/akun/')).status).toBe(403);
    expect(budi.lastPage).not.toContain(SARI);
    expect(budi.lastPage).not.toContain('Akun petugas</a>');
  });

  test('an admin adds an officer, who can then log in; a weak password or a taken email is refused', async () => {
    await sari.logIn(SARI);
    await sari.get('/petugas/akun/');
    const weak = await sari.post('/petugas/akun/', {
      name: 'Rina',
      email: 'rina@contoh.go.id',
      role: 'petugas',
      password: 'pendek',
    });
    expect(weak.status).toBe(400);
    expect(sari.lastPage).toContain('paling sedikit 12 karakter');
    expect(sari.lastPage).toContain('value="rina@contoh.go.id"');
    const taken = await sari.post('/petugas/akun/', {
      name: 'Budi',
      email: BUDI,
      role: 'petugas',
      password: 'kereta-malam-ke-dumai',
    });
    expect(taken.status).toBe(409);
    const added = await sari.post('/petugas/akun/', {
      name: 'Rina Marlina',
      email: 'Rina@Contoh.go.id',
      role: 'petugas',
      password: 'kereta-malam-ke-dumai',
    });
    expect(added.status).toBe(303);
    expect(
      (await new OfficerBrowser(t.app).logIn('rina@contoh.go.id', 'kereta-malam-ke-dumai')).status,
    ).toBe(303);
    expect(
      await query(t.dbPath, "SELECT target FROM audit_log WHERE action = 'akun-tambah'"),
    ).toEqual([{ target: 'rina@contoh.go.id' }]);
  });

  test('an admin resets a password: the officer’s sessions end and the new one works', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    await sari.logIn(SARI);
    await sari.get('/petugas/akun/');
    expect(
      (await sari.post('/petugas/akun/2/kata-sandi/', { password: 'perahu-kecil-di-selat' }))
        .status,
    ).toBe(303);
    expect((await budi.get('/petugas/')).status).toBe(303);
    expect((await new OfficerBrowser(t.app).logIn(BUDI, 'perahu-kecil-di-selat')).status).toBe(303);
  });

  test('an admin cannot disable their own account', async () => {
    await sari.logIn(SARI);
    await sari.get('/petugas/akun/');
    expect((await sari.post('/petugas/akun/1/aktif/', { aktif: '0' })).status).toBe(400);
    expect((await sari.get('/petugas/')).status).toBe(200);
  });

  test('every officer changes their own password; other sessions end, this one goes on', async () => {
    const budi = new OfficerBrowser(t.app);
    const elsewhere = new OfficerBrowser(t.app);
    await budi.logIn(BUDI);
    await elsewhere.logIn(BUDI);
    await budi.get('/petugas/kata-sandi/');
    const wrong = await budi.post('/petugas/kata-sandi/', {
      current: 'salah-salah-salah',
      password: 'angin-timur-laut-7',
      repeat: 'angin-timur-laut-7',
    });
    expect(wrong.status).toBe(400);
    expect(budi.lastPage).toContain('Kata sandi sekarang salah');
    const mismatch = await budi.post('/petugas/kata-sandi/', {
      current: PASSWORD,
      password: 'angin-timur-laut-7',
      repeat: 'angin-timur-laut-8',
    });
    expect(mismatch.status).toBe(400);
    const done = await budi.post('/petugas/kata-sandi/', {
      current: PASSWORD,
      password: 'angin-timur-laut-7',
      repeat: 'angin-timur-laut-7',
    });
    expect(done.status).toBe(303);
    expect((await budi.get('/petugas/')).status).toBe(200);
    expect((await elsewhere.get('/petugas/')).status).toBe(303);
  });
});
