import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fillSlots, siteSlots } from '../../src/server/http/page-slots.ts';
import { fixture, makeTestApp, postJson, type TestApp } from './harness.ts';

describe('fillSlots', () => {
  test('fills the text of each named slot and escapes it', () => {
    const page =
      '<p>Nomor <strong class="reference" data-slot="ref">—</strong>, <b data-slot="due">nanti</b></p>';
    expect(fillSlots(page, { ref: '<KS>&"1"', due: 'Senin' })).toBe(
      '<p>Nomor <strong class="reference" data-slot="ref">&lt;KS&gt;&amp;&quot;1&quot;</strong>, <b data-slot="due">Senin</b></p>',
    );
  });

  test('keeps the fallback text of a slot without a value', () => {
    expect(fillSlots('<dd data-slot="ikm-band">—</dd>', {})).toBe(
      '<dd data-slot="ikm-band">—</dd>',
    );
  });
});

describe('the slots of the site', () => {
  let t: TestApp;
  beforeEach(() => {
    t = makeTestApp();
  });
  afterEach(() => t.close());

  test('a confirmation page shows the reference in canonical form and the due date in Indonesian', async () => {
    const slots = siteSlots(t.deps);
    const values = await slots(
      '/konsultasi/terkirim/',
      new URLSearchParams({ ref: 'ks-2611-7k3qx9', due: '2026-11-05' }),
    );
    expect(values).toMatchObject({ ref: 'KS-2611-7K3QX9', due: 'Kamis, 5 November 2026' });
    // "Lanjutkan lewat WhatsApp" names the request.
    expect(values?.['href:whatsapp']).toMatch(/^https:\/\/wa\.me\/\d+\?text=.*KS-2611-7K3QX9/);
  });

  test('anything that is not a reference or a date is left out', async () => {
    const values = await siteSlots(t.deps)(
      '/pengaduan/terkirim/',
      new URLSearchParams({ ref: '<script>', due: '2026-13-45' }),
    );
    expect(values).toEqual({});
  });

  test('the rating confirmation shows the IKM of the ratings so far, read at most once a minute', async () => {
    const slots = siteSlots(t.deps);
    const ikm = () => slots('/penilaian/terkirim/', new URLSearchParams());
    expect(await ikm()).toEqual({});
    // The first rating shows at once: an empty table is not kept.
    await postJson(t.app, '/api/ratings', fixture('rating/valid.json'));
    const values = await ikm();
    expect(values?.['ikm-count']).toBe('1');
    expect(values?.['ikm-index']).toMatch(/^\d{2},\d{2}$/);
    expect(values?.['ikm-band']).toMatch(/^[A-D] \(/);
    // Later ones within the minute show with the next read after it.
    await postJson(t.app, '/api/ratings', { ...fixture('rating/valid.json'), reference: '' });
    expect((await ikm())?.['ikm-count']).toBe('1');
    t.clock.advance(60_000);
    expect((await ikm())?.['ikm-count']).toBe('2');
  });

  test('the consultation form takes the question a search carries, cut to the question’s length', async () => {
    const slots = siteSlots(t.deps);
    expect(
      await slots('/konsultasi/', new URLSearchParams({ pertanyaan: ' kantor bps dimana ' })),
    ).toEqual({ pertanyaan: 'kantor bps dimana' });
    const long = await slots(
      '/konsultasi/',
      new URLSearchParams({ pertanyaan: '😀a'.repeat(2000) }),
    );
    // 4000 UTF-16 units at most, as the field's maxlength counts, and no half emoji at the end.
    expect(long?.pertanyaan).toHaveLength(3999);
    expect(long?.pertanyaan.endsWith('a')).toBe(true);
    // Without the parameter only the form's hidden fields are stamped.
    expect(await slots('/konsultasi/', new URLSearchParams())).toEqual({});
  });

  test('a prefilled field is filled like a slot, escaped', () => {
    const page = '<textarea name="question" data-prefill="pertanyaan"></textarea>';
    expect(fillSlots(page, { pertanyaan: '</textarea><script>x</script>' })).toBe(
      '<textarea name="question" data-prefill="pertanyaan">&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>',
    );
  });

  test('other pages have no slots', async () => {
    expect(
      await siteSlots(t.deps)('/faq/biaya/', new URLSearchParams({ ref: 'KS-2611-7K3QX9' })),
    ).toBeNull();
  });
});
