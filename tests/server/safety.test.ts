import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { collectInlineHashes } from '../../src/server/http/built-site.ts';
import { BODY_LIMIT_BYTES } from '../../src/server/http/form-body.ts';
import { mountSite } from '../../src/server/http/static-site.ts';
import type { Store } from '../../src/server/storage/store.ts';
import {
  fixture,
  formFields,
  holidays,
  standard,
  replyTemplates,
  makeTestApp,
  office,
  postForm,
  postJson,
  tempDir,
  testConfig,
  type TestApp,
  appOn,
} from './harness.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
  vi.restoreAllMocks();
});

function app(options: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(options);
  cleanups.push(t.close);
  return t;
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** A built site with one inline island script, one inline style and JSON-LD. */
function fakeDist(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  mkdirSync(join(dir.path, 'faq'));
  writeFileSync(
    join(dir.path, 'index.html'),
    '<!doctype html><html lang="id"><head><style>astro-island{display:contents}</style>' +
      '<script type="application/ld+json">{"@type":"GovernmentService"}</script>' +
      '<script type="module" src="/_astro/a.js"></script></head><body><script>window.x=1</script><h1>Beranda</h1></body></html>',
  );
  writeFileSync(join(dir.path, 'faq', 'index.html'), '<!doctype html><script>window.x=1</script>');
  writeFileSync(
    join(dir.path, '404.html'),
    '<!doctype html><html lang="id"><h1>Tidak ditemukan</h1></html>',
  );
  return dir.path;
}

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;| ')/);
  expect(csp).toMatch(/style-src 'self'(;| ')/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('permissions-policy')).toContain('camera=()');
}

describe('security headers', () => {
  test('on JSON answers, error answers and the HTML error page', async () => {
    const t = app();
    expectSecurityHeaders(await t.app.request('/api/health'));
    expectSecurityHeaders(await postJson(t.app, '/api/consultations', {}));
    expectSecurityHeaders(await postForm(t.app, '/api/consultations', {}));
    expectSecurityHeaders(await t.app.request('/api/tidak-ada'));
  });

  test('on static pages and the 404 page when the site is mounted after the API', async () => {
    const dist = fakeDist();
    const config = testConfig({ inlineHashes: collectInlineHashes(dist) });
    const t = app();
    const site = createApp({
      store: t.store,
      clock: t.clock,
      mailer: null,
      config,
      office,
      holidays,
      standard,
      replyTemplates,
    });
    mountSite(site, dist);
    const page = await site.request('/');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);
    const missing = await site.request('/tidak-ada/');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    // The API still answers JSON, not the site's 404 page.
    expect((await site.request('/api/tidak-ada')).headers.get('content-type')).toContain(
      'application/json',
    );
  });

  test('inline scripts and styles of the build are allowed by hash; JSON-LD and external scripts are not hashed', async () => {
    const hashes = collectInlineHashes(fakeDist());
    expect(hashes).toEqual({
      scripts: [sha256('window.x=1')],
      styles: [sha256('astro-island{display:contents}')],
    });
    const t = app();
    const withHashes = createApp({
      store: t.store,
      clock: t.clock,
      mailer: null,
      config: testConfig({ inlineHashes: hashes }),
      office,
      holidays,
      standard,
      replyTemplates,
    });
    const csp = (await withHashes.request('/api/health')).headers.get('content-security-policy');
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' '${sha256('window.x=1')}'`);
    expect(csp).toContain(`style-src 'self' '${sha256('astro-island{display:contents}')}'`);
  });

  test('a missing build has no hashes', () => {
    expect(collectInlineHashes('/nonexistent/dist')).toEqual({ scripts: [], styles: [] });
  });

  test('a separate form endpoint is allowed as form target and fetch destination', async () => {
    const t = app({ config: { formEndpointOrigin: 'https://formulir.example.go.id' } });
    const csp = (await t.app.request('/api/health')).headers.get('content-security-policy');
    expect(csp).toContain("connect-src 'self' https://formulir.example.go.id");
    expect(csp).toContain("form-action 'self' https://formulir.example.go.id");
  });

  test('HSTS only over HTTPS', async () => {
    const t = app();
    expect(
      (await t.app.request('/api/health')).headers.get('strict-transport-security'),
    ).toBeNull();
    const proxied = await t.app.request('/api/health', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(
      (await t.app.request('https://pst.example/api/health')).headers.get(
        'strict-transport-security',
      ),
    ).toBe('max-age=31536000');
  });
});

describe('origins', () => {
  const allowed = 'https://pst.example.go.id';

  test('a browser post from another site is refused', async () => {
    const t = app();
    const crossSite = await postJson(
      t.app,
      '/api/consultations',
      fixture('consultation/valid.json'),
      {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('forbidden_origin');
    const oldBrowser = await postForm(
      t.app,
      '/api/consultations',
      formFields(fixture('consultation/valid.json')),
      {
        origin: 'https://evil.example',
        'sec-fetch-site': '',
      },
    );
    expect(oldBrowser.status).toBe(403);
    expect(await oldBrowser.text()).toContain('<h1>Formulir belum terkirim</h1>');
    expect((await t.counts()).requests).toBe(0);
  });

  test('same origin, and requests without browser headers (scripts, curl), are accepted', async () => {
    const t = app();
    const sameHost = await postJson(
      t.app,
      'http://pst.example/api/consultations',
      fixture('consultation/valid.json'),
      {
        origin: 'https://pst.example',
        host: 'pst.example',
      },
    );
    expect(sameHost.status).toBe(201);
    expect(
      (await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))).status,
    ).toBe(201);
  });

  test('an allowed origin may post, gets CORS headers, and is sent back to its own pages', async () => {
    const t = app({ config: { allowedOrigins: [allowed] } });
    const headers = { origin: allowed, 'sec-fetch-site': 'cross-site' };
    const json = await postJson(
      t.app,
      '/api/consultations',
      fixture('consultation/valid.json'),
      headers,
    );
    expect(json.status).toBe(201);
    expect(json.headers.get('access-control-allow-origin')).toBe(allowed);
    const form = await postForm(
      t.app,
      '/api/consultations',
      formFields(fixture('consultation/valid.json')),
      headers,
    );
    expect(form.headers.get('location')).toMatch(
      new RegExp(`^${allowed}/konsultasi/terkirim/\\?ref=KS-`),
    );
  });

  test('CORS preflight: allowed origin yes, others no', async () => {
    const t = app({ config: { allowedOrigins: [allowed] } });
    const preflight = (origin: string) =>
      t.app.request('/api/consultations', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
    const ok = await preflight(allowed);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });
});

describe('rate limit', () => {
  test('the submission after the limit gets 429 with Retry-After, per client address', async () => {
    const t = app({ config: { rateLimitPerMinute: 3, trustProxy: true } });
    const from = (ip: string) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` });
    for (let i = 0; i < 3; i += 1) {
      expect(
        (
          await postJson(
            t.app,
            '/api/feedback',
            fixture('feedback/valid.json'),
            from('198.51.100.1'),
          )
        ).status,
      ).toBe(201);
    }
    t.clock.advance(20_000);
    const limited = await postJson(
      t.app,
      '/api/feedback',
      fixture('feedback/valid.json'),
      from('198.51.100.1'),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(
      (await postJson(t.app, '/api/feedback', fixture('feedback/valid.json'), from('198.51.100.2')))
        .status,
    ).toBe(201);
    t.clock.advance(40_000);
    expect(
      (await postJson(t.app, '/api/feedback', fixture('feedback/valid.json'), from('198.51.100.1')))
        .status,
    ).toBe(201);
    expect((await t.counts()).feedback).toBe(5);
  });

  test('a rate-limited plain form keeps what was typed', async () => {
    const t = app({ config: { rateLimitPerMinute: 1 } });
    const fields = formFields(fixture('consultation/valid.json'));
    await postForm(t.app, '/api/consultations', fields);
    const limited = await postForm(t.app, '/api/consultations', fields);
    expect(limited.status).toBe(429);
    const page = await limited.text();
    expect(page).toContain('Terlalu banyak pengiriman');
    expect(page).toContain('value="Siti Rahmawati"');
  });
});

describe('request bodies', () => {
  test('more than 32 KB is refused with 413, with or without Content-Length', async () => {
    const t = app();
    const big = JSON.stringify({
      ...fixture('consultation/valid.json'),
      padding: 'x'.repeat(BODY_LIMIT_BYTES),
    });
    const declared = await t.app.request('/api/consultations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i += 1)
          controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await t.app.request('/api/consultations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe('payload_too_large');
  });

  test.each([
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/json; charset=iso-8859-1',
    '',
  ])('Content-Type %j is refused with 415', async (contentType) => {
    const t = app();
    const response = await t.app.request('/api/consultations', {
      method: 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      body: JSON.stringify(fixture('consultation/valid.json')),
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media_type');
  });

  test('a browser gets the 415 as a page with a way back', async () => {
    const t = app();
    const response = await t.app.request('/api/consultations', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' },
      body: '--x--',
    });
    expect(response.status).toBe(415);
    const page = await response.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('<a href="/konsultasi/">Kembali</a>');
  });
});

describe('other routes and failures', () => {
  test('unknown API paths and methods answer JSON 404', async () => {
    const t = app();
    for (const [method, path] of [
      ['GET', '/api/consultations'],
      ['POST', '/api/nothing'],
      ['DELETE', '/api/ratings'],
    ]) {
      const response = await t.app.request(path, { method });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });

  test('GET /api/health answers ok, and 503 when the database is gone', async () => {
    const t = makeTestApp();
    // The check gives the database 3 s; a fresh PostgreSQL test database may take longer to make.
    await t.ready();
    expect(await (await t.app.request('/api/health')).json()).toEqual({ status: 'ok' });
    await t.close();
    const response = await t.app.request('/api/health');
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('service_unavailable');
  });

  test('an unexpected failure is a 500 without details, and the log holds no personal data', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = {
      countMailSince: async () => 0,
      addressConfirmedAt: async () => '2026-11-01T00:00:00.000Z',
      listenQueueChanges: async () => async () => {},
      insertRequest: async () => {
        throw new Error('disk full while writing siti.rahmawati@contoh.co.id');
      },
    } as unknown as Store;
    const broken = appOn(failing);
    const response = await postJson(
      broken,
      '/api/consultations',
      fixture('consultation/valid.json'),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('internal_error');
    expect(text).not.toMatch(/disk full|at |\.ts/);
    const logged = errors.mock.calls.flat().join(' ');
    expect(logged).toContain('POST /api/consultations failed: Error');
    expect(logged).not.toContain('siti');
  });

  test('a normal submission writes nothing to the logs', async () => {
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level),
    );
    const t = app();
    await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    await postForm(t.app, '/api/consultations', { name: 'Siti' });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
