/**
 * `npm run bench:build`: how long does a cold `astro build` of this site take with N FAQ
 * answers, compared with the same N pages as a Starlight site (its defaults: a sidebar of every
 * page, Pagefind, expressive-code) and as a plain Astro + MDX site (one layout, no client JS)?
 * The pages come from scripts/generated-faqs.ts (about 300 Indonesian words each), in this
 * site's FAQ format for this site and as docs pages for the other two.
 *
 * Starlight and the plain site's packages are installed from the npm registry into a temporary
 * folder when the bench starts, at this project's Astro version: they are not dependencies of
 * the site. Each build is cold (no dist/, no Astro or Vite cache); the three sites are built in
 * turn, BENCH_RUNS times (3), and the medians compared. BENCH_PAGES sets the sizes (200,1000).
 * Not a test: times depend on the machine and on what else runs on it; only ratios from one
 * run mean anything.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { contentWithGeneratedFaqs, generatedFaq } from './generated-faqs.ts';

const SIZES = (process.env.BENCH_PAGES ?? '200,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ASTRO = (
  JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')) as { version: string }
).version;
const PACKAGES = [`astro@${ASTRO}`, '@astrojs/starlight@^0.42', '@astrojs/mdx@^8'];

const work = mkdtempSync(join(tmpdir(), 'pst-bench-build-'));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`,
    );
}

/** The other sites' packages, once, shared by both through a link to node_modules. */
function installOthers(): string {
  const dir = join(work, 'packages');
  write(join(dir, 'package.json'), JSON.stringify({ name: 'bench-packages', private: true }));
  console.log(`installing ${PACKAGES.join(', ')} into ${dir} …`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], dir);
  return join(dir, 'node_modules');
}

const frontmatter = (title: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(`Pertanyaan umum: ${title}`)}\n---\n\n`;

/** A site beside the shared packages, with its dependencies listed: Vite finds packages that ship .astro files (Starlight's) through package.json. */
function site(name: string, packages: string, dependencies: string[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  symlinkSync(packages, join(dir, 'node_modules'));
  const versions = Object.fromEntries(
    dependencies.map((dependency) => [
      dependency,
      PACKAGES.find((p) => p.startsWith(`${dependency}@`))!.slice(dependency.length + 1),
    ]),
  );
  write(
    join(dir, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module', dependencies: versions }),
  );
  write(
    join(dir, 'public/favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0b5cab"/></svg>\n',
  );
  return dir;
}

function starlight(packages: string, n: number): string {
  const dir = site(`starlight-${n}`, packages, ['astro', '@astrojs/starlight']);
  write(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [
    starlight({
      title: 'PST (Starlight)',
      defaultLocale: 'root',
      locales: { root: { label: 'Bahasa Indonesia', lang: 'id' } },
      sidebar: [{ label: 'Tanya jawab', items: [{ autogenerate: { directory: 'faq' } }] }],
    }),
  ],
});
`,
  );
  write(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  write(
    join(dir, 'src/content/docs/index.mdx'),
    `${frontmatter('Pelayanan Konsultasi Statistik')}Tanya jawab.\n`,
  );
  for (let i = 0; i < n; i++) {
    const faq = generatedFaq(i);
    write(join(dir, `src/content/docs/faq/${faq.slug}.mdx`), frontmatter(faq.question) + faq.body);
  }
  return dir;
}

function plain(packages: string, n: number): string {
  const dir = site(`plain-${n}`, packages, ['astro', '@astrojs/mdx']);
  write(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ integrations: [mdx()] });
`,
  );
  write(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const faq = defineCollection({
  loader: glob({ base: './src/content/faq', pattern: '**/*.mdx' }),
  schema: z.object({ title: z.string(), description: z.string() }),
});
export const collections = { faq };
`,
  );
  write(
    join(dir, 'src/layouts/Base.astro'),
    `---
const { title, description } = Astro.props;
---
<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <header><a href="/">Pelayanan Konsultasi Statistik</a></header>
    <main><slot /></main>
  </body>
</html>
<style is:global>
  body { font-family: system-ui, sans-serif; line-height: 1.6; max-width: 44rem; margin: 0 auto; padding: 1rem; }
</style>
`,
  );
  write(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
import Base from '../layouts/Base.astro';
const pages = (await getCollection('faq')).sort((a, b) => a.id.localeCompare(b.id));
---
<Base title="Tanya jawab" description="Daftar tanya jawab.">
  <h1>Tanya jawab</h1>
  <ul>{pages.map((p) => <li><a href={\`/faq/\${p.id}/\`}>{p.data.title}</a></li>)}</ul>
</Base>
`,
  );
  write(
    join(dir, 'src/pages/faq/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Base from '../../layouts/Base.astro';
export async function getStaticPaths() {
  return (await getCollection('faq')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Base title={entry.data.title} description={entry.data.description}>
  <h1>{entry.data.title}</h1>
  <Content />
</Base>
`,
  );
  for (let i = 0; i < n; i++) {
    const faq = generatedFaq(i);
    write(join(dir, `src/content/faq/${faq.slug}.mdx`), frontmatter(faq.question) + faq.body);
  }
  return dir;
}

/** This site: its code copied beside a content folder with n generated answers. */
function ours(n: number): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = join(work, `ours-${n}`);
  mkdirSync(dir);
  for (const entry of ['src', 'public', 'package.json', 'tsconfig.json', 'astro.config.mjs'])
    cpSync(entry, join(dir, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  return { dir, env: { CONTENT_DIR: contentWithGeneratedFaqs(n) } };
}

/** Seconds for one cold build: everything a previous build or dev server left is removed first. */
function coldBuild(dir: string, env: NodeJS.ProcessEnv = {}): number {
  for (const cache of ['dist', '.astro', 'node_modules/.vite', 'node_modules/.astro'])
    rmSync(join(dir, cache), { recursive: true, force: true });
  const start = performance.now();
  run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], dir, env);
  return (performance.now() - start) / 1000;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const packages = installOthers();
  const rows: string[] = [];
  for (const n of SIZES) {
    const project = ours(n);
    const sites = [
      { name: 'this project', dir: project.dir, env: project.env },
      { name: 'Starlight', dir: starlight(packages, n), env: {} },
      { name: 'plain Astro + MDX', dir: plain(packages, n), env: {} },
    ];
    const times = new Map(sites.map((s) => [s.name, [] as number[]]));
    for (let i = 0; i < RUNS; i++) {
      for (const s of sites) {
        const seconds = coldBuild(s.dir, s.env);
        times.get(s.name)!.push(seconds);
        console.log(`N=${n} run ${i + 1}/${RUNS} ${s.name}: ${seconds.toFixed(1)} s`);
      }
    }
    const [mine, sl, pl] = sites.map((s) => median(times.get(s.name)!));
    rows.push(
      `| ${n} | ${pl.toFixed(1)} s | ${sl.toFixed(1)} s | ${mine.toFixed(1)} s | ${(mine / sl).toFixed(2)}× | ${(mine / pl).toFixed(2)}× |`,
    );
    rmSync(dirname(project.env.CONTENT_DIR!), { recursive: true, force: true });
  }
  console.log(`\nCold builds, median of ${RUNS}, astro ${ASTRO}:\n`);
  console.log(
    '| N FAQ pages | plain Astro + MDX | Starlight | this project | vs Starlight | vs plain |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  rmSync(work, { recursive: true, force: true });
}
