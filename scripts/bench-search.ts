/**
 * `npm run bench:search` (also the second half of `npm run bench`): what does the query layer
 * (src/lib/site-search.ts) buy over plain Pagefind, and what does it cost? For every query of
 * the relevance set (tests/fixtures/search-queries.yaml), in the same run and on the same
 * built index:
 *   1. plain Pagefind: the query as typed, straight to `pagefind.search`;
 *   2. the query layer: `searchSite` as /cari/ runs it (normalise, correct, merge);
 * and prints recall@3 (the expected page among the first three), the share of queries with
 * no result at all, the extra milliseconds per query (median and p95 over the set, each
 * query timed as the median of several runs once the index is loaded), and the words the
 * layer changed most often. Not a test: times depend on the machine (DESIGN.md).
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { readDictionary, splitWords, understandQuery } from '../src/lib/search-query.ts';
import type { VocabularyFile } from '../src/lib/search-query.ts';
import { VOCABULARY_PATH } from '../src/lib/search-vocabulary.ts';
import { searchSite, type IndexResult, type SearchIndex } from '../src/lib/site-search.ts';
import { buildIfStale } from '../src/server/startup/build-if-stale.ts';

const DIST = 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Case {
  query: string;
  expect: string;
}

interface PagefindRuntime extends SearchIndex {
  options: (options: { basePath: string }) => Promise<void>;
}

buildIfStale(DIST);
const cases = parse(readFileSync('tests/fixtures/search-queries.yaml', 'utf8')) as Case[];

// Pagefind's runtime fetches its index over HTTP; a loopback server hands it the built files.
const root = normalize(join(process.cwd(), DIST));
const server = createServer(async (request, response) => {
  const path = normalize(join(root, new URL(request.url ?? '/', 'http://x').pathname));
  const body = path.startsWith(root) ? await readFile(path).catch(() => null) : null;
  response.writeHead(body ? 200 : 404).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

try {
  const pagefind = (await import(
    pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href
  )) as PagefindRuntime;
  await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/` });
  const dictionary = readDictionary(
    JSON.parse(readFileSync(join(root, VOCABULARY_PATH), 'utf8')) as VocabularyFile,
  );
  const allKinds = { jenis: { any: ['faq', 'standar', 'prosedur', 'halaman'] as const } };
  const plain = async (query: string) =>
    (await pagefind.search(query, { filters: allKinds })).results;
  const layered = async (query: string) =>
    (await searchSite(pagefind, dictionary, query, { kind: null, correct: true })).results;

  const paths = async (results: IndexResult[]) =>
    Promise.all(
      results
        .slice(0, 3)
        .map(async (result) => new URL((await result.data()).url, 'http://x').pathname),
    );

  async function median(run: () => Promise<unknown>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }

  // A first pass loads every index chunk and fragment either way, so timing compares searches.
  for (const { query } of cases) await paths(await layered(query));
  for (const { query } of cases) await paths(await plain(query));

  const rows: { query: string; plain: string[]; layer: string[]; expect: string; extra: number }[] =
    [];
  for (const { query, expect } of cases) {
    const plainMs = await median(() => plain(query));
    const layerMs = await median(() => layered(query));
    rows.push({
      query,
      expect,
      plain: await paths(await plain(query)),
      layer: await paths(await layered(query)),
      extra: layerMs - plainMs,
    });
  }

  const share = (count: number) => `${((100 * count) / rows.length).toFixed(1)} %`;
  const recall = (pick: (row: (typeof rows)[number]) => string[]) =>
    rows.filter((row) => pick(row).includes(row.expect)).length;
  const zero = (pick: (row: (typeof rows)[number]) => string[]) =>
    rows.filter((row) => pick(row).length === 0).length;
  const extras = rows.map((row) => row.extra).sort((a, b) => a - b);
  const at = (q: number) => extras[Math.min(extras.length - 1, Math.ceil(q * extras.length) - 1)];

  console.log(`relevance set: ${rows.length} queries (${RUNS} timed runs each)\n`);
  console.log(`${''.padEnd(24)}${'recall@3'.padStart(18)}${'no result'.padStart(18)}`);
  for (const [name, pick] of [
    ['plain Pagefind', (row: (typeof rows)[number]) => row.plain],
    ['with the query layer', (row: (typeof rows)[number]) => row.layer],
  ] as const) {
    const found = recall(pick);
    const none = zero(pick);
    console.log(
      `${name.padEnd(24)}${`${found}/${rows.length} ${share(found)}`.padStart(18)}${`${none}/${rows.length} ${share(none)}`.padStart(18)}`,
    );
  }
  console.log(
    `\nextra time per query with the layer: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`,
  );

  const misses = rows.filter((row) => !row.layer.includes(row.expect));
  for (const row of misses)
    console.log(`  missed: "${row.query}" → ${row.expect}, got ${row.layer.join(' ')}`);

  // What the layer changed: informal words, endings, letters held down, typos.
  const changes = new Map<string, number>();
  for (const { query } of rows) {
    const first = understandQuery(query, dictionary);
    const fixes = new Map(
      first.terms.flatMap((t) => (t.suggestion ? [[t.typed, t.suggestion]] : [])),
    );
    const { terms } = understandQuery(query, dictionary, fixes);
    const typed = new Set(splitWords(query));
    for (const [from, to] of fixes)
      changes.set(`${from} → ${to}`, (changes.get(`${from} → ${to}`) ?? 0) + 1);
    for (const term of terms) {
      if (typed.has(term.word) || fixes.has(term.typed) || term.typed === term.word) continue;
      // "dimana → di mana" rather than the "mana" left once "di" is dropped.
      const key = `${term.typed} → ${dictionary.spellings.get(term.typed)?.join(' ') ?? term.word}`;
      changes.set(key, (changes.get(key) ?? 0) + 1);
    }
  }
  const top = [...changes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  console.log(
    `\nmost common corrections in the set:\n${top.map(([change, n]) => `  ${String(n).padStart(2)} × ${change}`).join('\n')}`,
  );
} finally {
  server.close();
}
