/**
 * Each form is drawn once: the endpoint's page for a refused plain post shows the same
 * markup the site's island renders (ids, names, hints, labels, options, limits), because
 * both render the same Preact component. Rendered here through Astro's own island path (the
 * container API with the Preact renderer, as `client:load` in a page) and through the
 * endpoint's page renderer, with the same values and errors.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadOffice } from '../../src/content-schemas/load.ts';
import { FORMS, type FormKind } from '../../src/lib/forms.ts';
import type { StatusAnswer } from '../../src/schemas/status.ts';
import { renderFormPage } from '../../src/server/pages/FormPage.tsx';
import Island from '../fixtures/render-once/Island.astro';

const look = { office: loadOffice('content'), stylesheets: [], siteOrigin: '' };

const answer: StatusAnswer = {
  reference: 'KS-2611-7K3QX9',
  kind: 'konsultasi',
  kindLabel: FORMS.konsultasi.label,
  status: 'selesai',
  statusLabel: 'Selesai',
  dueDate: '2026-11-05',
  receivedAt: '2026-11-02T03:00:00.000Z',
  history: [
    { at: '2026-11-02T03:00:00.000Z', status: 'baru', statusLabel: 'Diterima', reply: null },
    {
      at: '2026-11-03T03:00:00.000Z',
      status: 'selesai',
      statusLabel: 'Selesai',
      reply: 'Ada di <tabel> 4.1.',
    },
  ],
  rating: { href: '/penilaian/?ref=KS-2611-7K3QX9', label: FORMS.penilaian.link },
};

/** What a plain post of each form sent, and what was wrong with it. */
const CASES: Record<
  FormKind,
  { values: Record<string, string>; errors: Record<string, string>; answer?: StatusAnswer }
> = {
  konsultasi: {
    values: {
      name: 'Siti <b>',
      email: 'siti',
      topic: 'Kemiskinan',
      question: 'Baris satu\nBaris "dua"',
      channel: 'pertemuan_video',
      idempotency_key: 'kunci-123456',
    },
    errors: {
      email: 'Masukkan alamat email dengan format yang benar',
      consent: 'Centang persetujuan',
    },
  },
  pengaduan: {
    values: {
      category: 'biaya',
      description: 'Diminta bayar & <tanda terima>',
      identity: 'rahasia',
      email: 'a@b.co',
    },
    errors: { name: 'Masukkan nama Anda', form: 'Terlalu banyak pengiriman' },
  },
  penilaian: {
    values: {
      reference: 'KS-2611-7K3QX9',
      u1: '4',
      u2: '3',
      u3: '2',
      u4: '4',
      u5: '1',
      u6: '4',
      u7: '4',
      u8: '3',
      comment: 'Baik',
    },
    errors: { u9: 'Pilih salah satu nilai dari 1 sampai 4' },
  },
  'umpan-balik': {
    values: { page: '/faq/biaya/', comment: 'x'.repeat(20) },
    errors: { comment: 'Komentar terlalu panjang' },
  },
  status: {
    values: { reference: 'KS-2611-7K3QX9', email: 'siti@contoh.co.id' },
    errors: {},
    answer,
  },
};

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
  container.addServerRenderer({
    name: '@astrojs/preact',
    renderer: (await import('@astrojs/preact/server.js')).default,
  });
});

/** The island's markup without Astro's wrapper, or the static form as it is. */
function islandMarkup(html: string): string {
  const island = /<astro-island\b[^>]*>([\s\S]*)<\/astro-island>/.exec(html);
  return (island ? island[1] : html.slice(html.indexOf('<form')))
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

/** What the endpoint's page draws between its heading and its way back. */
function endpointMarkup(html: string): string {
  const start = html.indexOf('</h1>') + '</h1>'.length;
  const end = html.lastIndexOf('<p><a href=');
  return html.slice(start, end).trim();
}

describe.each(Object.keys(CASES) as FormKind[])('%s', (kind) => {
  test('the endpoint draws the same form as the island, with the same values and errors', async () => {
    const { values, errors, answer: found } = CASES[kind];
    const action = FORMS[kind].action;
    const props = {
      kind,
      action,
      values,
      errors,
      answer: found,
      ...(kind === 'konsultasi' ? { feedbackAction: FORMS['umpan-balik'].action } : {}),
    };
    const island = islandMarkup(await container.renderToString(Island, { props }));
    const endpoint = endpointMarkup(
      renderFormPage({
        kind,
        look,
        values,
        errors,
        answer: found,
        backHref: FORMS[kind].page ?? '/',
      }),
    );
    expect(island.length).toBeGreaterThan(200);
    expect(endpoint).toBe(island);
    // The values and errors are really there, escaped, in both.
    for (const message of Object.values(errors)) expect(island).toContain(message);
  });
});
