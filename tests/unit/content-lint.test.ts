import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  formatFindingForGithub,
  lintContent,
  type Finding,
  type LintContext,
} from '../../src/lib/content-lint.ts';
import { lintContentFolder } from '../../scripts/lint-content.ts';

const context: LintContext = {
  region: 'Kabupaten Bengkalis',
  province: 'Riau',
  phones: ['0812-9990-1408'],
  emails: ['bps1408@bps.go.id'],
  routes: new Set(['/', '/faq/', '/faq/biaya/', '/prosedur/online/', '/standar-pelayanan/']),
  limits: { onlineWorkingDays: 3, walkInMinutes: 10, autoCloseDays: 7 },
};

const lint = (text: string, path = 'content/x.mdx') => lintContent([{ path, text }], context);
const rules = (findings: Finding[]) => findings.map((finding) => `${finding.rule}@${finding.line}`);

describe('the source text of the standard', () => {
  const path = 'tests/fixtures/lint/source-text.mdx';
  const findings = lintContent([{ path, text: readFileSync(path, 'utf8') }], context);
  const lineOf = (needle: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1;

  test('flags the office name copied from Indragiri Hulu', () => {
    const finding = findings.find((f) => f.rule === 'office-name');
    expect(finding).toMatchObject({ line: lineOf('Indragiri Hulu'), severity: 'error' });
    expect(finding?.hint).toContain('Kabupaten Bengkalis');
  });

  test('flags requirement 5 as a repeat of requirement 3', () => {
    const finding = findings.find(
      (f) =>
        f.rule === 'duplicate-list-item' &&
        f.line === lineOf('5. Pengguna layanan memiliki alamat email'),
    );
    expect(finding?.message).toContain(
      `line ${lineOf('3. Pengguna layanan memiliki alamat email')}`,
    );
  });

  test('flags the walk-in and online steps merged into one list', () => {
    const merged = findings.filter(
      (f) => f.rule === 'duplicate-list-item' && f.line > lineOf('Sistem, Mekanisme'),
    );
    expect(merged.map((f) => f.line)).toEqual([
      lineOf('13. Petugas memberikan'),
      lineOf('16. Pengguna layanan selesai'),
    ]);
    expect(merged[0].hint).toContain('split it into one list per channel');
  });

  test('flags "pelayanan pelayanan" in online step 15', () => {
    expect(findings.find((f) => f.rule === 'doubled-word')).toMatchObject({
      line: lineOf('pelayanan pelayanan'),
    });
  });

  test('warns about the blank SK number in prose and in frontmatter', () => {
    const empty = findings.filter((f) => f.rule === 'empty-label');
    expect(empty.map((f) => f.line)).toEqual([lineOf('skNumber: null'), lineOf('No. SK :')]);
    expect(empty.every((f) => f.severity === 'warning')).toBe(true);
  });

  test('flags the stray "0" under Waktu Penyelesaian', () => {
    const stray = readFileSync(path, 'utf8').split('\n').indexOf('0') + 1;
    expect(stray).toBeGreaterThan(lineOf('Waktu Penyelesaian'));
    expect(findings.filter((f) => f.rule === 'stray-number').map((f) => f.line)).toEqual([stray]);
  });

  test('flags "Tidak dipungut biaya" written twice', () => {
    const second = readFileSync(path, 'utf8').split('\n').lastIndexOf('Tidak dipungut biaya') + 1;
    expect(findings.find((f) => f.rule === 'duplicate-paragraph')).toMatchObject({ line: second });
  });

  test('flags the link to a page that does not exist, not the one that does', () => {
    const broken = findings.filter((f) => f.rule === 'broken-link');
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toContain('/prosedur/kapal-laut');
  });

  test('accepts the office phone number written without dashes', () => {
    expect(findings.filter((f) => f.rule === 'office-contact')).toEqual([]);
  });
});

describe('rules one by one', () => {
  test('another office phone or email is an error', () => {
    expect(rules(lint('Hubungi 0812-1111-2222 atau pst1234@bps.go.id.'))).toEqual([
      'office-contact@1',
      'office-contact@1',
    ]);
  });

  test('the right phone in international form passes', () => {
    expect(lint('WhatsApp +62 812-9990-1408')).toEqual([]);
  });

  test('another province is an error', () => {
    expect(rules(lint('BPS Provinsi Jambi'))).toEqual(['office-name@1']);
  });

  test('hyphenated reduplication is not a doubled word', () => {
    expect(lint('produk-produk pelayanan dan lain-lain')).toEqual([]);
  });

  test('doubled words are found whatever their case', () => {
    expect(rules(lint('Layanan layanan konsultasi'))).toEqual(['doubled-word@1']);
  });

  test('the same item in two different lists is fine', () => {
    expect(lint('- Satu hal\n- Dua hal\n\nTeks.\n\n- Satu hal\n')).toEqual([]);
  });

  test('a duplicate in a YAML list is found', () => {
    expect(
      rules(lint('---\nrequirements:\n  - Kartu identitas\n  - "kartu identitas"\n---\n')),
    ).toEqual(['duplicate-list-item@4']);
  });

  test('the same requirement under two channels is fine; twice under one channel is not', () => {
    const standard = [
      '---',
      'channels:',
      '  - id: datang-langsung',
      '    requirements:',
      '      - text: Pengguna layanan memiliki alamat email yang masih aktif',
      '        plain: Punya alamat email yang masih aktif.',
      '      - text: Pengguna layanan mengisi buku tamu',
      '        plain: Isi buku tamu.',
      '  - id: online',
      '    requirements:',
      '      - text: Pengguna layanan memiliki alamat email yang masih aktif',
      '        plain: Punya alamat email yang masih aktif.',
      '      - text: Pengguna layanan memiliki alamat email yang masih aktif',
      '        plain: Punya alamat email yang masih aktif.',
      '---',
    ].join('\n');
    expect(rules(lint(standard, 'content/standar/x.mdx'))).toEqual(['duplicate-list-item@13']);
  });

  test("a time limit that disagrees with the standard's numbers is an error", () => {
    const findings = lint(
      'Dilayani maksimal 10 (sepuluh) menit, online paling lama **5 (lima) hari kerja**, ditutup jika tidak merespons selama 7 hari.',
    );
    expect(rules(findings)).toEqual(['service-number@1']);
    expect(findings[0].message).toContain('limits.onlineWorkingDays is 3');
  });

  test('words the site does not use with citizens are warnings, with the word to use', () => {
    const findings = lint('Simpan nomor rujukan Anda lalu buat transaksi konsultasi.');
    expect(findings.map((f) => [f.rule, f.severity, f.hint])).toEqual([
      ['plain-language', 'warning', 'Write nomor permintaan.'],
      ['plain-language', 'warning', 'Write permintaan konsultasi.'],
    ]);
  });

  test("the standard's official wording, FAQ keywords and the search's word maps are exempt from the plain-language rule", () => {
    const standard =
      '---\nchannels:\n  - steps:\n      - text: Pengguna layanan mencari/searching informasi\n        plain: Cari informasi.\n---\n';
    expect(lint(standard, 'content/standar/x.mdx')).toEqual([]);
    expect(lint('---\nkeywords: [merespon, antrian]\n---\n', 'content/faq/x.mdx')).toEqual([]);
    expect(lint('spellings:\n  antrian: antre\n', 'content/pencarian/kata.yaml')).toEqual([]);
    expect(
      rules(
        lint('---\nsummary: Pengguna layanan mencari/searching.\n---\n', 'content/standar/x.mdx'),
      ),
    ).toEqual(['plain-language@2']);
  });

  test('--format github prints a workflow command for the changed line', () => {
    const [finding] = lint('Pelayanan pelayanan, 100%', 'content/faq/a,b.mdx');
    expect(formatFindingForGithub(finding)).toBe(
      '::error file=content/faq/a%2Cb.mdx,line=1,col=1,title=doubled-word::The word "Pelayanan" is written twice: "Pelayanan pelayanan". → Delete one "Pelayanan". Indonesian reduplication takes a hyphen ("Pelayanan-Pelayanan").',
    );
  });

  test('each finding names file, line and a fix', () => {
    const [finding] = lint('Pelayanan pelayanan', 'content/faq/contoh.mdx');
    expect(finding).toMatchObject({ file: 'content/faq/contoh.mdx', line: 1, column: 1 });
    expect(finding.hint.length).toBeGreaterThan(10);
  });
});

test('the published content has no errors', () => {
  const errors = lintContentFolder('content').filter((finding) => finding.severity === 'error');
  expect(errors).toEqual([]);
});
