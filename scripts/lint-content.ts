// Content linter for editors' pull requests: `npm run lint:content [-- --format github] [DIR…]`.
// Prints file:line:column, the problem and a fix (or, with --format github, workflow commands
// that GitHub shows on the changed line); exits 1 when any error is found, or when
// office.yaml, the standard or the search's word maps (pencarian/kata.yaml) do not match
// their schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ContentError,
  contentDir,
  loadOffice,
  loadReplyTemplates,
  loadSearchWords,
  loadStandard,
} from '../src/content-schemas/load.ts';
import {
  formatFinding,
  formatFindingForGithub,
  lintContent,
  type ContentFile,
} from '../src/lib/content-lint.ts';

const PAGES = join('src', 'pages');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Routes of src/pages; dynamic ones are expanded from the content that feeds them. */
function siteRoutes(content: string): Set<string> {
  const routes = new Set<string>();
  for (const file of walk(PAGES).map((path) => toPosix(relative(PAGES, path)))) {
    const match = /^(.*?)(?:index)?\.(astro|md|mdx|ts)$/.exec(file);
    if (!match || file.includes('[')) continue;
    const route = `/${match[1]}`;
    routes.add(match[2] === 'ts' ? route : route.endsWith('/') ? route : `${route}/`);
  }
  for (const file of readdirSync(join(content, 'faq'))) {
    if (file.endsWith('.mdx') && !file.startsWith('_'))
      routes.add(`/faq/${file.replace(/\.mdx$/, '')}/`);
  }
  for (const channel of loadStandard(content).channels) routes.add(`/prosedur/${channel.id}/`);
  return routes;
}

export function lintContentFolder(dir: string, content = contentDir()) {
  const office = loadOffice(content);
  const { limits } = loadStandard(content);
  // Read for their schemas: a template or word map that does not match stops the linter, named.
  loadReplyTemplates(content);
  loadSearchWords(content);
  const files: ContentFile[] = walk(dir)
    .filter((path) => /\.(mdx?|ya?ml)$/.test(path))
    .map((path) => ({ path: toPosix(path), text: readFileSync(path, 'utf8') }));
  return lintContent(files, {
    region: office.region,
    province: office.address.province,
    phones: [office.phone.display, office.whatsapp.display],
    emails: [office.email],
    routes: siteRoutes(content),
    limits,
  });
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  if (values.format !== 'text' && values.format !== 'github') {
    console.error('--format must be "text" or "github"');
    process.exit(2);
  }
  try {
    const dirs = positionals.length > 0 ? positionals : [contentDir()];
    const findings = dirs.flatMap((dir) => lintContentFolder(dir));
    const format = values.format === 'github' ? formatFindingForGithub : formatFinding;
    for (const finding of findings) console.log(format(finding));
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.length - errors;
    console.log(`\nlint:content — ${errors} error(s), ${warnings} warning(s)`);
    process.exitCode = errors > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
