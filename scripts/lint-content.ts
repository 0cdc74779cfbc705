// Content linter for editors' pull requests: `npm run lint:content`.
// Prints file:line:column, the problem and a fix; exits 1 when any error is found.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { formatFinding, lintContent, type ContentFile } from '../src/lib/content-lint.ts';

const CONTENT = 'content';
const PAGES = join('src', 'pages');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Routes of src/pages; dynamic ones are expanded from the content that feeds them. */
function siteRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const file of walk(PAGES).map((path) => toPosix(relative(PAGES, path)))) {
    const match = /^(.*?)(?:index)?\.(astro|md|mdx|ts)$/.exec(file);
    if (!match || file.includes('[')) continue;
    const route = `/${match[1]}`;
    routes.add(match[2] === 'ts' ? route : route.endsWith('/') ? route : `${route}/`);
  }
  for (const file of readdirSync(join(CONTENT, 'faq'))) {
    if (file.endsWith('.mdx') && !file.startsWith('_'))
      routes.add(`/faq/${file.replace(/\.mdx$/, '')}/`);
  }
  for (const file of readdirSync(join(CONTENT, 'standar')).filter((name) =>
    name.endsWith('.mdx'),
  )) {
    const frontmatter =
      readFileSync(join(CONTENT, 'standar', file), 'utf8').split(/^---$/m)[1] ?? '';
    const channels = (parse(frontmatter)?.channels ?? []) as { id: string }[];
    for (const channel of channels) routes.add(`/prosedur/${channel.id}/`);
  }
  return routes;
}

export function lintContentFolder(dir: string, routes = siteRoutes()) {
  const office = parse(readFileSync(join(CONTENT, 'office.yaml'), 'utf8'));
  const files: ContentFile[] = walk(dir)
    .filter((path) => /\.(mdx?|ya?ml)$/.test(path))
    .map((path) => ({ path: toPosix(path), text: readFileSync(path, 'utf8') }));
  return lintContent(files, {
    region: office.region,
    province: office.address.province,
    phones: [office.phone.display, office.whatsapp.display],
    emails: [office.email],
    routes,
  });
}

if (import.meta.main) {
  const dirs = process.argv.slice(2);
  const findings = (dirs.length > 0 ? dirs : [CONTENT]).flatMap((dir) => lintContentFolder(dir));
  for (const finding of findings) console.log(formatFinding(finding));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  console.log(`\nlint:content — ${errors} error(s), ${warnings} warning(s)`);
  process.exitCode = errors > 0 ? 1 : 0;
}
