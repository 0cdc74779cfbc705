/**
 * Another BPS office runs the site by changing its content folder only. The content is copied,
 * the office's facts are swapped for an invented office's (tests/fixtures/office-contoh/),
 * its standard given 5 working days instead of 3, and the site built from the copy
 * (CONTENT_DIR). Nothing in the build may carry a fact of the real office, and the pages,
 * due dates and texts follow the copy's numbers and settings.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  loadHolidays,
  loadOffice,
  loadStandard,
  loadReplyTemplates,
} from '../../src/content-schemas/load.ts';
import type { Office } from '../../src/content-schemas/office.ts';
import { createApp } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite-store.ts';
import { lintContentFolder } from '../../scripts/lint-content.ts';
import { fakeClock, fixture, postJson, tempDir, testConfig } from './harness.ts';

const real = loadOffice('content');
const fork = parse(readFileSync('tests/fixtures/office-contoh/office.yaml', 'utf8')) as Office;

/** Every string of an office, by its place in office.yaml ("address.street"). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      for (const [leaf, text] of leaves(item, path ? `${path}.${key}` : key)) found.set(leaf, text);
    }
  }
  return found;
}

/** The real office's strings that the invented office has differently: the facts to swap. */
const swaps = [...leaves(real)]
  .map(([path, text]) => [text, leaves(fork).get(path)] as const)
  .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== pair[0])
  .sort((a, b) => b[0].length - a[0].length);

/** What must not appear anywhere in the fork's build: the real office's own facts. */
const REAL_FACTS = [
  ...new Set([
    ...swaps.map(([text]) => text).filter((text) => text.length >= 5),
    'Bengkalis',
    real.address.province,
    real.phone.e164.replace('+', ''),
    real.phone.display.replace(/\D/g, '').slice(-4),
  ]),
];

function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((path) =>
      /\.(html|js|mjs|css|json|xml|webmanifest|txt|svg|md|mdx|ya?ml|pf_\w+)$/.test(path),
    );
}

/** A file's text; Pagefind's index files are gzip-compressed. */
function contents(path: string): string {
  const bytes = readFileSync(path);
  if (path.includes('pagefind') && bytes[0] === 0x1f && bytes[1] === 0x8b)
    return gunzipSync(bytes).toString('latin1');
  return bytes.toString();
}

// A project root of its own (the code and the content copied, the packages linked), so the
// build's content cache (.astro/) never mixes the two offices' files. Vite follows links to
// their real place, so the code is copied, not linked.
const dir = tempDir();
const root = join(dir.path, 'site');
const content = join(root, 'content');
const out = join(root, 'dist');
const COPIED = ['src', 'public', 'package.json', 'tsconfig.json', 'astro.config.mjs'];

beforeAll(() => {
  mkdirSync(root);
  for (const entry of COPIED) cpSync(entry, join(root, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  cpSync('content', content, { recursive: true });
  cpSync('tests/fixtures/office-contoh/office.yaml', join(content, 'office.yaml'));
  for (const path of textFiles(content).filter((file) => !file.endsWith('office.yaml'))) {
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of swaps) text = text.replaceAll(from, to);
    // This office's standard gives 5 working days.
    text = text
      .replace('onlineWorkingDays: 3', 'onlineWorkingDays: 5')
      .replaceAll('3 (tiga) hari kerja', '5 (lima) hari kerja')
      .replaceAll('3 hari kerja', '5 hari kerja');
    writeFileSync(path, text);
  }
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`build of the second office failed:\n${build.stdout}\n${build.stderr}`);
}, 180_000);

afterAll(() => dir.remove());

describe('a second office built from its own content folder', () => {
  test('its content carries none of the real office’s facts and passes the content linter', () => {
    const leftovers = textFiles(content).flatMap((path) =>
      REAL_FACTS.filter((fact) => readFileSync(path, 'utf8').includes(fact)).map(
        (fact) => `${path}: ${fact}`,
      ),
    );
    expect(leftovers).toEqual([]);
    expect(
      lintContentFolder(content, content).filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
  });

  test('no page, asset, manifest, service worker, sitemap, search index or JSON-LD names the real office', () => {
    const files = textFiles(out);
    expect(files.some((path) => path.endsWith('sw.js'))).toBe(true);
    expect(files.some((path) => path.endsWith('manifest.webmanifest'))).toBe(true);
    expect(files.some((path) => path.includes('sitemap'))).toBe(true);
    expect(files.filter((path) => path.includes('pagefind')).length).toBeGreaterThan(5);
    const found = files.flatMap((path) => {
      const text = contents(path);
      return REAL_FACTS.filter((fact) => text.includes(fact)).map((fact) => `${path}: ${fact}`);
    });
    expect(found).toEqual([]);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain(fork.shortName);
    expect(home).toContain(fork.whatsapp.display);
    expect(readFileSync(join(out, 'standar-pelayanan', 'index.html'), 'utf8')).toContain(
      `"email":"${fork.email}"`,
    );
  });

  test('the standard’s 5 working days reach the consultation page and the due date the API answers', async () => {
    const page = readFileSync(join(out, 'konsultasi', 'index.html'), 'utf8');
    expect(page).toContain('dilayani paling lama 5 hari kerja setelah permintaan jelas');
    expect(page).not.toContain('3 hari kerja');

    const db = tempDir();
    const store = openSqliteStore(join(db.path, 'pst.sqlite'), fork.code);
    // Monday 2 November 2026, 16:00 WIB: after this office's 15:30 cut-off.
    const clock = fakeClock('2026-11-02T09:00:00.000Z');
    const app = createApp({
      store,
      clock,
      mailer: null,
      config: testConfig(),
      office: loadOffice(content),
      holidays: loadHolidays(content),
      standard: loadStandard(content),
      replyTemplates: loadReplyTemplates(content),
    });
    try {
      const response = await postJson(
        app,
        '/api/consultations',
        fixture('consultation/valid.json'),
      );
      // Counted from Tuesday 3 November: 5 working days later is Tuesday 10 November.
      expect((await response.json()).dueDate).toBe('2026-11-10');
    } finally {
      await store.close();
      db.remove();
    }
  });
});
