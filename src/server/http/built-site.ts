/**
 * What the server learns from the built site at start: the hashes of its inline scripts and
 * styles, so the Content-Security-Policy can allow exactly those and nothing else (no
 * 'unsafe-inline'; Astro inlines a small script and style for its islands), and the
 * stylesheets the endpoint's own HTML pages link to look like the site.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;
// Data blocks such as JSON-LD are never executed, so the CSP does not apply to them.
const DATA_BLOCK = /\btype=["']?(application\/(ld\+)?json|importmap)/i;

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(dir, path));
}

// A form page of the site: its stylesheets are the base styles plus the form styles.
const FORM_PAGE = join('konsultasi', 'index.html');
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g;

/** The stylesheets a form page of the built site links; none when there is no build. */
export function siteStylesheets(distDir: string): string[] {
  const page = join(distDir, FORM_PAGE);
  if (!existsSync(page)) return [];
  return [...readFileSync(page, 'utf8').matchAll(STYLESHEET)].map((match) => match[1]);
}

/** Empty lists when `distDir` does not exist (tests, or a host that serves only /api). */
export function collectInlineHashes(distDir: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  if (!existsSync(distDir)) return { scripts: [], styles: [] };
  for (const file of htmlFiles(distDir)) {
    const page = readFileSync(file, 'utf8');
    for (const [, attributes, body] of page.matchAll(INLINE_SCRIPT)) {
      if (!DATA_BLOCK.test(attributes)) scripts.add(sha256(body));
    }
    for (const [, body] of page.matchAll(INLINE_STYLE)) styles.add(sha256(body));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
