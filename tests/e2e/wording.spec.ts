/**
 * Every built page speaks with the service's words (src/lib/wording.ts): one name for the
 * request number, no official glosses outside the standard's own text (data-verbatim), no
 * leaked Markdown, no technical terms — in the visible text, the title, the meta and og
 * descriptions and the structured data.
 */
import { expect, test } from '@playwright/test';
import { wordingFindings } from '../../src/lib/wording.ts';
import { sitemapPaths } from './support.ts';

const NOT_IN_SITEMAP = [
  '/cari/',
  '/offline/',
  '/konsultasi/terkirim/',
  '/pengaduan/terkirim/',
  '/penilaian/terkirim/',
  '/tidak-ada/',
];

test('no page, meta description or structured data uses words the service does not use', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  for (const path of [...(await sitemapPaths(request)), ...NOT_IN_SITEMAP]) {
    await page.goto(path);
    const texts = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy
        .querySelectorAll(
          '[data-verbatim], [data-keywords], script:not([type="application/ld+json"]), style',
        )
        .forEach((element) => element.remove());
      const meta = [
        ...document.querySelectorAll('meta[name="description"], meta[property^="og:"]'),
      ].map((element) => element.getAttribute('content') ?? '');
      const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
        (element) => element.textContent ?? '',
      );
      return [document.title, ...meta, ...jsonLd, copy.querySelector('body')?.textContent ?? ''];
    });
    for (const text of texts) {
      for (const finding of wordingFindings(text))
        problems.push(`${path}: "${finding.found}" → ${finding.instead}`);
    }
  }
  expect(problems).toEqual([]);
});
