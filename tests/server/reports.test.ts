/**
 * The reports through the app: /petugas/laporan/ and its downloads behind the staff session,
 * /kinerja/ and /api/kinerja in public, over a seeded November (tests/fixtures/report/seed.ts)
 * with the clock on Monday 7 December 2026.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  NOVEMBER,
  REPORT_TODAY,
  SEEDED_EMAILS,
  SEEDED_NAMES,
  SEEDED_TABLES,
  seedReport,
} from '../fixtures/report/seed.ts';
import type { PublicFigures } from '../../src/server/domain/report.ts';
import { fixture, makeTestApp, office, postJson, seed, type TestApp } from './harness.ts';
import { addOfficer, OfficerBrowser } from './workspace-client.ts';

const SARI = 'sari.wulandari@contoh.go.id';
const BUDI = 'budi.santoso@contoh.go.id';
const NOVEMBER_QUERY = `dari=${NOVEMBER.from}&sampai=${NOVEMBER.to}`;

let t: TestApp;
let admin: OfficerBrowser;

beforeEach(async () => {
  t = makeTestApp({ start: REPORT_TODAY });
  await addOfficer(t.store, { email: SARI, name: 'Sari Wulandari', role: 'admin' });
  await addOfficer(t.store, { email: BUDI, name: 'Budi Santoso' });
  const sari = (await t.store.findStaff(SARI))!.id;
  const budi = (await t.store.findStaff(BUDI))!.id;
  await seed(t, SEEDED_TABLES, (path) => seedReport(path, office.code, { sari, budi }));
  admin = new OfficerBrowser(t.app);
  await admin.get('/petugas/masuk/');
  await admin.logIn(SARI);
});

afterEach(() => t.close());

/** The text of a page without tags, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('/petugas/laporan/', () => {
  test('needs a staff session', async () => {
    const response = await t.app.request('/petugas/laporan/', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/petugas\/masuk\//);
  });

  test('last month: the figures worked out in the seed, three charts with titles', async () => {
    const response = await admin.get('/petugas/laporan/?periode=bulan-lalu');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = admin.lastPage;
    const text = textOf(html);
    expect(text).toContain('Permintaan diterima 8');
    expect(text).toContain('Dijawab dalam 3 hari kerja 2');
    expect(text).toContain('Konsultasi online 50,0%');
    expect(text).toContain('Hari kerja sampai balasan pertama: median 1');
    expect(text).toContain('Hari kerja sampai balasan pertama: persentil ke-90 4');
    expect(text).toContain('KS-2611-DDDDDD');
    expect(text).toContain('Pertemuan lanjutan terlaksana 1');
    expect(text).toContain('Semua meja 5 3 60,0%');
    expect(text).toContain('Meja 1 3 2 66,7%');
    expect(text).toContain('Lama menunggu: median (menit) 10');
    expect(text).toContain('IKM (nilai interval konversi) 82,56');
    expect(text).toContain('Mutu pelayanan B (Baik)');
    expect(text).toContain('Perubahan dari periode sebelumnya 7,63');
    expect(text).toContain('Nilai interval (Σ NRR tertimbang) 3,3023');
    expect(text).toContain(
      'Prioritas perbaikan U9 Penanganan pengaduan, saran dan masukan; U3 Waktu penyelesaian; U2 Sistem, mekanisme dan prosedur; U8 Sarana dan prasarana',
    );
    expect(text).toContain('Tanggapan pertama 3 2 1 50,0%');
    expect(text).toContain('sensus sapi 3 2 1');
    expect(text).toContain('Sari Wulandari 3 3 2');
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(html).toContain('<title id="grafik-unsur-judul">');
    expect(html).not.toMatch(/<script(?![^>]*src="\/petugas\/skrip\.js")/);
    // No personal data in the report either: numbers and references only.
    for (const name of SEEDED_NAMES) expect(html).not.toContain(name);
  });

  test('officers see no officers section; admins do', async () => {
    const budi = new OfficerBrowser(t.app);
    await budi.get('/petugas/masuk/');
    await budi.logIn(BUDI);
    await budi.get(`/petugas/laporan/?${NOVEMBER_QUERY}`);
    expect(budi.lastPage).not.toContain('Kinerja per petugas');
    expect(budi.lastPage).not.toContain('Sari Wulandari 3');
    await admin.get(`/petugas/laporan/?${NOVEMBER_QUERY}`);
    expect(admin.lastPage).toContain('Kinerja per petugas');
  });

  test.each([
    ['dari=2026-13-01&sampai=2026-12-01', 'harus tanggal yang ada'],
    ['dari=2026-02-30&sampai=2026-03-01', 'harus tanggal yang ada'],
    ['dari=2026-11-30&sampai=2026-11-01', 'tidak boleh sebelum'],
    ['dari=2020-01-01&sampai=2026-01-01', 'paling panjang 3 tahun'],
    ['dari=2026-11-01', 'sekaligus'],
    ['periode=kemarin', 'tidak dikenal'],
  ])('?%s answers 400 saying why', async (query, message) => {
    for (const path of [
      '/petugas/laporan/',
      '/petugas/laporan/unduh.csv',
      '/petugas/laporan/unduh.xlsx',
    ]) {
      const response = await admin.get(`${path}?${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
  });

  test('an empty period shows dashes and no charts, not an error', async () => {
    const response = await admin.get('/petugas/laporan/?dari=2025-01-01&sampai=2025-01-31');
    expect(response.status).toBe(200);
    expect(admin.lastPage).not.toContain('<svg');
    expect(textOf(admin.lastPage)).toContain('Permintaan diterima 0');
    expect(textOf(admin.lastPage)).toContain('Konsultasi online —');
  });
});

describe('downloads', () => {
  test('CSV: UTF-8 with BOM, every cell quoted, the same figures', async () => {
    const response = await admin.get(`/petugas/laporan/unduh.csv?${NOVEMBER_QUERY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      'laporan-2026-11-01-2026-11-30.csv',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    expect(lines).toContain('"Konsultasi online","0.5"');
    expect(lines).toContain('"Permintaan diterima","8"');
  });

  test('xlsx: one sheet per section, read back by exceljs, numbers as numbers, dates as dates', async () => {
    const response = await admin.get(`/petugas/laporan/unduh.xlsx?${NOVEMBER_QUERY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Permintaan online',
      'Datang langsung',
      'Indeks Kepuasan Masyarakat',
      'Pengaduan',
      'Layanan mandiri',
      'Petugas',
    ]);
    const rowOf = (sheet: string, label: string) => {
      let found: ExcelJS.Row | undefined;
      workbook.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      return found!;
    };
    expect(rowOf('Permintaan online', 'Permintaan diterima').getCell(2).value).toBe(8);
    const share = rowOf('Permintaan online', 'Konsultasi online').getCell(2);
    expect(share.value).toBe(0.5);
    expect(share.numFmt).toBe('0.0%');
    const overdue = rowOf('Permintaan online', 'KS-2611-DDDDDD');
    expect(overdue.getCell(2).value).toEqual(new Date('2026-11-26T00:00:00Z'));
    expect(overdue.getCell(3).value).toBe(7);
    expect(rowOf('Indeks Kepuasan Masyarakat', 'U9').getCell(3).value).toBe(2.5);
    expect(rowOf('Datang langsung', 'Semua meja').getCell(4).value).toBe(0.6);
  });
});

describe('/kinerja/ and /api/kinerja', () => {
  test('/kinerja/: the public figures, cached at most an hour, no script, no personal data', async () => {
    const response = await t.app.request('/kinerja/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const html = await response.text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('noindex');
    for (const secret of [...SEEDED_NAMES, ...SEEDED_EMAILS, 'Sari Wulandari', 'KS-2611'])
      expect(html).not.toContain(secret);
    const text = textOf(html);
    // On 7 December the last complete semester is the first; November's data is in the year.
    expect(text).toContain('Semester I 2026 Kamis, 1 Januari 2026 sampai Selasa, 30 Juni 2026');
    expect(text).toContain('Indeks Kepuasan Masyarakat (IKM) belum ada penilaian');
    expect(text).toContain('Tahun 2026 sampai hari ini');
    expect(text).toContain('Pengunjung dilayani dalam 10 menit 60% (3 dari 5)');
  });

  test('/api/kinerja agrees with the staff report and with /api/ikm for the same period', async () => {
    const api = await t.app.request(`/api/kinerja?${NOVEMBER_QUERY}`);
    expect(api.status).toBe(200);
    const figures = (await api.json()) as Record<string, any>;
    expect(figures).toEqual({
      period: NOVEMBER,
      ikm: { index: 82.56, grade: 'B', label: 'Baik', respondents: 4 },
      online: { onTime: 2, late: 2, share: 0.5, workingDays: 3 },
      walkIn: { within: 3, served: 5, share: 0.6, minutes: 10 },
      complaints: { received: 2, closed: 1 },
    });
    const ikm = (await (
      await t.app.request(`/api/ikm?from=${NOVEMBER.from}&to=${NOVEMBER.to}`)
    ).json()) as { index: number; count: number };
    expect(ikm.index).toBe(figures.ikm.index);
    expect(ikm.count).toBe(figures.ikm.respondents);
    await admin.get(`/petugas/laporan/?${NOVEMBER_QUERY}`);
    const report = textOf(admin.lastPage);
    expect(report).toContain('IKM (nilai interval konversi) 82,56');
    expect(report).toContain('Responden 4');
    expect(report).toContain('Konsultasi online 50,0%');
    expect(report).toContain('Semua meja 5 3 60,0%');
    expect(report).toContain('Pengaduan diterima 2');
    expect(report).toContain('Pengaduan selesai dalam periode 1');
  });

  test("a period's figures are computed at most once an hour, for the page and the API alike", async () => {
    const thisMonth = async () =>
      ((await (await t.app.request('/api/kinerja?periode=bulan-ini')).json()) as PublicFigures).ikm
        .respondents;
    expect(await thisMonth()).toBe(0);
    const { reference: _reference, ...rating } = fixture('rating/valid.json');
    expect((await postJson(t.app, '/api/ratings', rating)).status).toBe(201);
    expect(await thisMonth()).toBe(0);
    t.clock.advance(61 * 60_000);
    expect(await thisMonth()).toBe(1);

    const page = await t.app.request('/kinerja/');
    expect(textOf(await page.text())).toContain('Dihitung Senin, 7 Desember 2026');
  });

  test('/api/kinerja: a bad period is a 400 in Indonesian', async () => {
    const response = await t.app.request('/api/kinerja?dari=2026-11-30&sampai=2026-11-01');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { periode: 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".' },
      },
    });
  });
});
