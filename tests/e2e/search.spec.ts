import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { serverEnv } from '../../playwright.config.ts';
import { VOCABULARY_BUDGET_GZ, VOCABULARY_PATH } from '../../src/lib/search-vocabulary.ts';
import { CONSULTATION_LABELS } from '../../src/schemas/consultation.ts';
import { expectNoAxeViolations, waitForServiceWorker } from './support.ts';

interface RelevanceCase {
  query: string;
  /** Path that must be among the first three results. */
  expect: string;
}
const relevance = parse(
  readFileSync(new URL('../fixtures/search-queries.yaml', import.meta.url), 'utf8'),
) as RelevanceCase[];

// Our own JavaScript on /cari/ (island, Preact, Astro's island runtime), gzipped; Pagefind's
// runtime, WebAssembly and index are loaded on demand and counted apart.
const SEARCH_PAGE_JS = 12 * 1024;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Kata pencarian' });
const status = (page: Page) => page.getByRole('main').getByRole('status');
const resultLinks = (page: Page) =>
  page.getByRole('list', { name: 'Hasil pencarian' }).getByRole('heading').getByRole('link');

async function search(page: Page, query: string): Promise<void> {
  await expect(searchBox(page)).toBeEnabled();
  await searchBox(page).fill(query);
  await expect(status(page)).toContainText(`untuk “${query}”`);
}

const topPaths = async (page: Page, count: number) =>
  (
    await resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  ).slice(0, count);

test.describe('relevance: each citizen query has its answer in the first three results', () => {
  test('the set holds at least 80 queries, at least 30 of them whole sentences', () => {
    expect(relevance.length).toBeGreaterThanOrEqual(80);
    const sentences = relevance.filter(({ query }) => query.trim().split(/\s+/).length >= 3);
    expect(sentences.length).toBeGreaterThanOrEqual(30);
  });

  for (const { query, expect: path } of relevance) {
    test(`"${query}" → ${path}`, async ({ page }) => {
      await page.goto('/cari/');
      await search(page, query);
      await expect(status(page)).not.toContainText('Tidak ada hasil');
      expect(await topPaths(page, 3)).toContain(path);
    });
  }
});

const correction = (page: Page) => page.getByRole('main').locator('.search-correction');
const askLink = (page: Page) =>
  page.getByRole('main').getByRole('link', { name: 'Ajukan konsultasi' });

test('a word the site does not know is corrected, said so, and can be searched as typed', async ({
  page,
}) => {
  await page.goto('/cari/');
  await search(page, 'emial');
  await expect(correction(page)).toHaveText('Menampilkan hasil untuk email. Cari emial saja');
  await expect(correction(page).locator('strong')).toHaveText('email');
  await expect(resultLinks(page).first()).toHaveAttribute('href', '/faq/perlu-email/');
  await expectNoAxeViolations(page);

  await correction(page).getByRole('link', { name: 'Cari emial saja' }).click();
  await expect(page).toHaveURL(/\/cari\/\?q=emial&koreksi=tidak$/);
  await expect(status(page)).toHaveText(
    'Tidak ada hasil untuk “emial”. Coba kata lain, atau pilih dari daftar di bawah.',
  );
  await expect(correction(page)).toHaveCount(0);
  await page.reload();
  await expect(status(page)).toContainText('Tidak ada hasil untuk “emial”');
  // Typing again corrects again.
  await search(page, 'emial kantor');
  await expect(correction(page)).toContainText('Menampilkan hasil untuk email kantor.');
});

test('when no page holds every word, the results for some of them say so and offer to ask', async ({
  page,
}) => {
  await page.goto('/cari/');
  await search(page, 'sabtu minggu buka gak');
  await expect(status(page)).toHaveText(
    /^\d+ hasil untuk “sabtu minggu buka gak”\. Tidak ada halaman yang memuat semua kata; ini hasil untuk sebagian kata\.$/,
  );
  expect(await topPaths(page, 1)).toEqual(['/faq/hari-kerja/']);
  await expect(askLink(page)).toHaveAttribute(
    'href',
    '/konsultasi/?pertanyaan=sabtu+minggu+buka+gak',
  );
  await expect(askLink(page).locator('xpath=..')).toHaveClass('notice');
});

test('nonsense finds nothing, suggests no unrelated word and offers to ask', async ({ page }) => {
  await page.goto('/cari/');
  await search(page, 'xq zzkv');
  await expect(status(page)).toHaveText(
    'Tidak ada hasil untuk “xq zzkv”. Coba kata lain, atau pilih dari daftar di bawah.',
  );
  await expect(page.getByText('Menampilkan hasil untuk')).toHaveCount(0);
  await expect(askLink(page)).toHaveAttribute('href', '/konsultasi/?pertanyaan=xq+zzkv');
});

test.describe('from a failed search to a consultation request', () => {
  const question = (page: Page) => page.getByLabel(CONSULTATION_LABELS.question, { exact: true });

  test('the question arrives filled in, and answers matching it are suggested', async ({
    page,
  }) => {
    await page.goto('/cari/');
    await search(page, 'kantor bps bengkalis dimana');
    await askLink(page).click();
    await expect(page).toHaveURL(/\/konsultasi\/\?pertanyaan=kantor\+bps\+bengkalis\+dimana$/);
    await expect(question(page)).toHaveValue('kantor bps bengkalis dimana');
    await expect(page.getByRole('link', { name: /^Di mana alamat kantor PST\?/ })).toBeVisible();
  });

  test('what the citizen already typed in the form is kept over the address', async ({ page }) => {
    await page.goto('/konsultasi/');
    await expect(page.locator('astro-island:not([ssr])').first()).toBeAttached();
    await question(page).fill('Saya perlu data penduduk per desa.');
    await page.goto('/konsultasi/?pertanyaan=biaya');
    await expect(question(page)).toHaveValue('Saya perlu data penduduk per desa.');
  });

  test('once the site is kept for offline use, the precached form fills it in itself', async ({
    page,
  }) => {
    await page.goto('/konsultasi/');
    await waitForServiceWorker(page);
    const response = await page.goto('/konsultasi/?pertanyaan=berapa%20lama%20dibalas');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(question(page)).toHaveValue('berapa lama dibalas');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the server fills the question in, escaped and no longer than the field takes', async ({
      page,
    }) => {
      const typed = '</textarea><b>tebal</b> & "kutip"';
      await page.goto(`/konsultasi/?${new URLSearchParams({ pertanyaan: typed })}`);
      await expect(question(page)).toHaveValue(typed);
      await expect(page.locator('b', { hasText: 'tebal' })).toHaveCount(0);
      await page.goto(`/konsultasi/?${new URLSearchParams({ pertanyaan: 'x'.repeat(5000) })}`);
      await expect(question(page)).toHaveValue('x'.repeat(4000));
    });
  });
});

test.describe('searches that fail reach the staff', () => {
  const staff = {
    Authorization: `Bearer ${serverEnv.STAFF_TOKEN}`,
  };

  test.beforeEach(async ({ page }) => {
    // This visit is one of the sampled ones.
    await page.addInitScript(() => {
      Math.random = () => 0;
    });
  });

  // A word no page has, unique to this run: letter pairs, so that no letter is ever "held
  // down" (which the search reads once) and nothing is near enough to be corrected.
  const unique = () =>
    [...Date.now().toString(6)]
      .map((digit) => ['qa', 'xe', 'zi', 'vo', 'wu', 'jy'][Number(digit)])
      .join('');

  test('a search that ends in a consultation request is listed with its normalised words', async ({
    page,
    request,
  }) => {
    const word = unique();
    await page.goto('/cari/');
    await search(page, `Alamat ${word} dimana ya?`);
    const beacon = page.waitForRequest((r) => r.url().endsWith('/api/search-events'));
    await askLink(page).click();
    // The words as searched: no capitals, "dimana" read as "di mana", the filler dropped.
    expect((await beacon).postData()).toMatch(
      new RegExp(`^query=alamat\\+${word}\\+mana&results=\\d+&partial=1&outcome=konsultasi$`),
    );
    await expect
      .poll(async () => {
        const gaps = await (
          await request.get('/api/staff/search-gaps?limit=500', { headers: staff })
        ).json();
        return gaps.asked.find((gap: { query: string }) => gap.query === `alamat ${word} mana`);
      })
      .toMatchObject({ searches: 1, partial: 1, asked: 1 });
  });

  test('a search left for another is reported once, as left', async ({ page, request }) => {
    const word = unique();
    await page.goto('/cari/');
    await search(page, word);
    await page.waitForTimeout(2100);
    const beacon = page.waitForRequest((r) => r.url().endsWith('/api/search-events'));
    await search(page, 'biaya');
    expect((await beacon).postData()).toBe(`query=${word}&results=0&partial=0&outcome=dibiarkan`);
    await expect
      .poll(async () => {
        const gaps = await (
          await request.get('/api/staff/search-gaps?limit=500', { headers: staff })
        ).json();
        return gaps.unanswered.find((gap: { query: string }) => gap.query === word);
      })
      .toMatchObject({ searches: 1, empty: 1, opened: 0, asked: 0 });
  });
});

test('the vocabulary loads with the search, not with the page, within its 15 KB gz', async ({
  page,
  request,
}) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('/cari/');
  await expect(searchBox(page)).toBeEnabled();
  expect(loaded).not.toContain(VOCABULARY_PATH);
  await search(page, 'biaya');
  expect(loaded).toContain(VOCABULARY_PATH);
  const bytes = gzipSync(await (await request.get(VOCABULARY_PATH)).body(), { level: 9 }).length;
  const report = `${VOCABULARY_PATH}: ${bytes} B gz`;
  test.info().annotations.push({ type: 'bytes', description: report });
  console.log(report);
  expect(bytes).toBeLessThanOrEqual(VOCABULARY_BUDGET_GZ);
});

test('results show the page title, its kind and an excerpt with the matched words marked', async ({
  page,
}) => {
  await page.goto('/cari/');
  await search(page, 'biaya');
  const first = page.getByRole('list', { name: 'Hasil pencarian' }).getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText('Berapa biaya konsultasi statistik?');
  await expect(first).toContainText('Tanya jawab');
  await expect(first.locator('mark').first()).toHaveText(/biaya/i);
  expect(await first.innerText()).not.toContain('<mark>');
});

test('the query and the kind live in the address, survive a reload and come back with Back', async ({
  page,
}) => {
  await page.goto('/cari/');
  await search(page, 'zoom');
  await expect(page).toHaveURL(/\/cari\/\?q=zoom$/);
  const faqs = page.getByRole('radio', { name: /^Tanya jawab/ });
  await faqs.check();
  await expect(page).toHaveURL(/\/cari\/\?q=zoom&jenis=faq$/);
  // "zoom" also finds the pages that say "video" (a synonym in content/pencarian/kata.yaml).
  await expect(status(page)).toHaveText(/^\d+ hasil untuk “zoom” di Tanya jawab\.$/);
  const shown = await status(page).innerText();
  const titles = await resultLinks(page).allInnerTexts();
  expect(titles[0]).toBe('Bisakah konsultasi dilanjutkan dengan tatap muka atau video?');

  await page.reload();
  await expect(searchBox(page)).toHaveValue('zoom');
  await expect(faqs).toBeChecked();
  await expect(status(page)).toHaveText(shown);

  await resultLinks(page).first().click();
  await expect(page).toHaveURL(/\/faq\/konsultasi-lanjutan\/$/);
  await page.goBack();
  await expect(searchBox(page)).toHaveValue('zoom');
  await expect(resultLinks(page)).toHaveText(titles);
});

test('the type filter counts results per kind and lists only the chosen kind', async ({ page }) => {
  await page.goto('/cari/?q=biaya');
  await expect(status(page)).toContainText('untuk “biaya”');
  const prosedur = page.getByRole('radio', { name: /^Prosedur \((\d+)\)$/ });
  const count = Number((await prosedur.locator('xpath=..').innerText()).match(/\((\d+)\)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await prosedur.check();
  await expect(status(page)).toHaveText(`${count} hasil untuk “biaya” di Prosedur.`);
  for (const path of await topPaths(page, count)) expect(path).toMatch(/^\/prosedur\//);
});

test('the search works from the keyboard alone', async ({ page }) => {
  await page.goto('/cari/');
  await expect(searchBox(page)).toBeEnabled();
  await searchBox(page).focus();
  await page.keyboard.type('biaya');
  await expect(status(page)).toContainText('untuk “biaya”');
  await page.keyboard.press('Tab'); // the "Cari" button
  await page.keyboard.press('Tab'); // the checked radio, "Semua"
  await expect(page.getByRole('radio', { name: /^Semua/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/jenis=faq/);
  await expect(status(page)).toContainText('di Tanya jawab');
  await page.keyboard.press('Tab');
  await expect(resultLinks(page).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/faq\/biaya\/$/);
});

test('more results load on request and focus moves to the first new one', async ({ page }) => {
  await page.goto('/cari/');
  await search(page, 'konsultasi');
  await expect(resultLinks(page)).toHaveCount(10);
  await page.getByRole('button', { name: /^Tampilkan \d+ hasil berikutnya$/ }).click();
  await expect(resultLinks(page).nth(10)).toBeFocused();
});

test('with nothing found, the page says so and offers the list of answers', async ({ page }) => {
  await page.goto('/cari/');
  await search(page, 'xqzwv');
  await expect(status(page)).toHaveText(
    'Tidak ada hasil untuk “xqzwv”. Coba kata lain, atau pilih dari daftar di bawah.',
  );
  await expect(
    page.getByRole('heading', { name: 'Pertanyaan yang sering diajukan' }),
  ).toBeVisible();
});

test.describe('without the service worker, whose precache would answer instead of the network', () => {
  test.use({ serviceWorkers: 'block' });

  test('when Pagefind cannot load, the page says so and keeps the list of answers', async ({
    page,
  }) => {
    await page.route('**/pagefind/pagefind.js', (route) => route.abort());
    await page.goto('/cari/');
    await expect(searchBox(page)).toBeEnabled();
    await searchBox(page).fill('biaya');
    await expect(status(page)).toContainText('Pencarian tidak dapat dimuat');
    await expect(
      page.getByRole('heading', { name: 'Pertanyaan yang sering diajukan' }),
    ).toBeVisible();
  });
});

test('Pagefind is loaded only when the citizen starts to search', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) loaded.push(new URL(request.url()).pathname);
  });
  await page.goto('/cari/');
  await expect(searchBox(page)).toBeEnabled();
  expect(loaded).toEqual([]);
  await search(page, 'ktp');
  expect(loaded).toContain('/pagefind/pagefind.js');
});

test('the header search box of any page leads to the results', async ({ page }) => {
  await page.goto('/standar-pelayanan/');
  await page.getByRole('banner').getByRole('searchbox').fill('ktp');
  await page.getByRole('banner').getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/cari\/\?q=ktp$/);
  await expect(searchBox(page)).toHaveValue('ktp');
  await expect(resultLinks(page).first()).toHaveAttribute('href', '/faq/syarat-datang-langsung/');
});

test('the search runs under the Content-Security-Policy the server sends', async ({ page }) => {
  const complaints: string[] = [];
  page.on('console', (message) => {
    // Blocked inline code, or Pagefind falling back from its web worker.
    if (/Content Security Policy|Pagefind/i.test(message.text())) complaints.push(message.text());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  const response = await page.goto('/cari/');
  expect(response?.headers()['content-security-policy']).toMatch(
    /script-src 'self' 'wasm-unsafe-eval'/,
  );
  await search(page, 'biaya');
  await expect(resultLinks(page).first()).toBeVisible();
  expect(workers).toContain('/pagefind/pagefind-worker.js');
  expect(complaints).toEqual([]);
});

test('axe finds no WCAG 2.2 AA violations on the search page with results and filter shown', async ({
  page,
}) => {
  await page.goto('/cari/?q=syarat');
  await expect(resultLinks(page).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search lands on /cari/ with the list of answers', async ({ page }) => {
    await page.goto('/faq/biaya/');
    await page.getByRole('banner').getByRole('searchbox').fill('berapa lama');
    await page.getByRole('banner').getByRole('button', { name: 'Cari' }).click();
    await expect(page).toHaveURL(/\/cari\/\?q=berapa\+lama$/);
    // Located by CSS: Playwright's text and role engines skip what is inside <noscript>.
    await expect(page.locator('noscript p')).toBeVisible();
    await expect(page.locator('noscript p')).toContainText('Pencarian memerlukan JavaScript');
    await expect(
      page.getByRole('link', { name: 'Berapa lama saya menunggu jika datang langsung?' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Waktu penyelesaian' })).toBeVisible();
    await expect(searchBox(page)).toBeDisabled();
  });

  test('every link of the list leads to an existing page and section', async ({
    page,
    request,
  }) => {
    await page.goto('/cari/');
    const hrefs = await page
      .locator('.search-fallback a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      const [path, id] = href.split('#');
      const response = await request.get(path);
      expect(response.status(), href).toBe(200);
      if (id) expect(await response.text(), href).toContain(`id="${id}"`);
    }
  });
});

test('the search page ships at most 12 KB gz of its own JavaScript', async ({ request }) => {
  const html = await (await request.get('/cari/')).text();
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  // The island's modules and everything they import statically; dynamic imports (Pagefind,
  // Preact signals when unused) are not loaded with the page.
  const pending = [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]);
  const modules = new Map<string, string>();
  for (let path = pending.pop(); path; path = pending.pop()) {
    if (modules.has(path)) continue;
    const code = await (await request.get(path)).text();
    modules.set(path, code);
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) {
      pending.push(new URL(spec, `http://x${path}`).pathname);
    }
  }
  const gz = (text: string) => gzipSync(text, { level: 9 }).length;
  const bytes = [...inline, ...modules.values()].reduce((sum, code) => sum + gz(code), 0);
  const report = `/cari/ JavaScript: ${bytes} B gz (${[...modules.keys()].join(' ')} + ${inline.length} inline scripts)`;
  test.info().annotations.push({ type: 'bytes', description: report });
  console.log(report);
  expect(bytes).toBeLessThanOrEqual(SEARCH_PAGE_JS);
});

test('content pages hydrate no island: their few small scripts are budgeted in budgets.spec.ts', async ({
  request,
}) => {
  for (const path of [
    '/',
    '/standar-pelayanan/',
    '/prosedur/online/',
    '/faq/',
    '/faq/biaya/',
    '/kontak/',
  ]) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toContain('<astro-island');
  }
});

interface Timing {
  lastInput: number;
  rendered: Promise<number>;
  work: number[];
}

test('keystroke to first results is measured for several queries (reported, not asserted)', async ({
  page,
}) => {
  await page.goto('/cari/');
  await search(page, 'pst'); // loads Pagefind, its WebAssembly and the index once
  await page.evaluate(() => {
    const timing: Timing = { lastInput: 0, rendered: Promise.resolve(0), work: [] };
    Object.assign(window, { timing });
    document.addEventListener('input', () => (timing.lastInput = performance.now()), true);
    // Event Timing reports events that took a frame (16 ms) or more, with their handler time.
    // (durationThreshold is missing from TypeScript's DOM types, hence the variable.)
    const everyFrameOrMore = { type: 'event', durationThreshold: 16 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        timing.work.push(entry.processingEnd - entry.processingStart);
      }
    }).observe(everyFrameOrMore);
  });
  const times: number[] = [];
  for (const query of ['biaya', 'syarat', 'email', 'zoom', 'alamat', 'komplain', 'akun']) {
    await searchBox(page).fill('');
    await expect(status(page)).toHaveText('');
    // Watch the live region before typing, so the render cannot be missed.
    await page.evaluate((text) => {
      const { timing } = window as unknown as { timing: Timing };
      const element = document.querySelector('main [role="status"]')!;
      timing.rendered = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!element.textContent?.includes(text)) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(element, { childList: true, characterData: true, subtree: true });
      });
    }, `untuk “${query}”`);
    await searchBox(page).pressSequentially(query, { delay: 40 });
    times.push(
      await page.evaluate(async () => {
        const { timing } = window as unknown as { timing: Timing };
        return (await timing.rendered) - timing.lastInput;
      }),
    );
  }
  const work = await page.evaluate(() => (window as unknown as { timing: Timing }).timing.work);
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const report =
    `keystroke→results ms: ${times.map((t) => t.toFixed(0)).join(' ')}; median ${median(times).toFixed(0)}. ` +
    `Key and input handlers in events of a frame or more: ${work.length}, median ${median(work).toFixed(1)} ms, max ${Math.max(0, ...work).toFixed(1)} ms`;
  test.info().annotations.push({ type: 'timing', description: report });
  console.log(report);
  // A measurement, not a budget: times depend on what the other core is doing (a 50 ms
  // keystroke was seen once in CI), and the project keeps timing out of pass/fail. What must
  // hold is that every query was answered.
  expect(times).toHaveLength(7);
  expect(times.every((time) => Number.isFinite(time) && time > 0)).toBe(true);
});
