import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './support.ts';

// Budgets in gzipped bytes, measured from what the server sends. Reference: a Starlight page
// is about 49 KB gz (DESIGN.md); a plain Astro page about 1.6 KB gz.
const CONTENT_PAGE_JS = 2 * 1024;
// Issue 7: registering the service worker (with its update prompt) may add 3 KB gz on top.
const SW_REGISTRATION_JS = 3 * 1024;
const REGISTERS_SW = /\.register\(["'`]\/sw\.js/;
const CONTENT_PAGE_HTML_CSS = 14 * 1024;
// Pages whose job is interactive have their own budgets in their own specs.
const INTERACTIVE = /^\/(cari|konsultasi|pengaduan|penilaian|status)\//;

test('each content page ships at most 2 KB gz JavaScript, 3 KB gz more to register the service worker, 14 KB gz HTML+CSS', async ({
  request,
}) => {
  const gz = async (path: string) =>
    gzipSync(await (await request.get(path)).body(), { level: 9 }).length;
  const report: string[] = [];
  for (const path of (await sitemapPaths(request)).filter((p) => !INTERACTIVE.test(p))) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    const modules = [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]);
    const inline = [
      ...html.matchAll(
        /<script\b(?![^>]*\b(?:src|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g,
      ),
    ];
    const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    let js = inline.reduce((sum, m) => sum + gzipSync(m[1]).length, 0);
    let registration = 0;
    for (const src of new Set([...scripts, ...modules])) {
      const code = await (await request.get(src)).body();
      const bytes = gzipSync(code, { level: 9 }).length;
      if (REGISTERS_SW.test(code.toString())) registration += bytes;
      else js += bytes;
    }
    let htmlCss = gzipSync(html, { level: 9 }).length;
    for (const href of styles) htmlCss += await gz(href);
    report.push(`${path} js=${js} sw-registration=${registration} html+css=${htmlCss}`);
    expect(js, `${path} JavaScript (gz bytes)`).toBeLessThanOrEqual(CONTENT_PAGE_JS);
    expect(registration, `${path} service-worker registration (gz bytes)`).toBeLessThanOrEqual(
      SW_REGISTRATION_JS,
    );
    expect(htmlCss, `${path} HTML+CSS (gz bytes)`).toBeLessThanOrEqual(CONTENT_PAGE_HTML_CSS);
  }
  test.info().annotations.push({ type: 'bytes', description: report.join('\n') });
  console.log(report.join('\n'));
});
