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
import { FormPage } from '../../src/server/pages/FormPage.tsx';
import { renderPage } from '../../src/server/pages/render.ts';
import Island from '../fixtures/render-once/Island.astro';

const look = { office: loadOffice('content'), stylesheets: [], siteOrigin: '' };

const answer: StatusAnswer = {
  reference: 'KS-2611-7K3QX9',
  kind: 'konsultasi',
  kindLabel: FORMS.konsultasi.label,
  status: 'diproses',
  statusLabel: 'Diproses',
  dueDate: '2026-11-05',
  originalDueDate: '2026-11-05',
  dueNote: null,
  receivedAt: '2026-11-02T03:00:00.000Z',
  emailConfirmed: true,
  nextStep: 'Petugas sedang menyiapkan jawaban.',
  thread: [
    { at: '2026-11-02T03:00:00.000Z', who: 'anda', name: 'Anda', kind: 'pesan', text: 'Data <b>?' },
    {
      at: '2026-11-03T03:00:00.000Z',
      who: 'petugas',
      name: 'Petugas',
      kind: 'pesan',
      text: 'Ada di <tabel> 4.1.',
    },
  ],
  meetings: [],
  canReply: true,
  whatsapp: 'https://wa.me/6281234567890?text=KS-2611-7K3QX9',
  followUp: null,
  rating: null,
};

/**
 * What a plain post of each form sent, and what was wrong with it. Answering a meeting is a
 * button in the conversation, not a form of its own, so it has no case.
 */
const CASES: Record<
  Exclude<FormKind, 'pertemuan'>,
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
  pesan: {
    values: {
      reference: 'KS-2611-7K3QX9',
      kunci: 'k'.repeat(43),
      message: 'Terima kasih <b>',
      form_started_at: '1700000000000',
      idempotency_key: 'kunci-123456',
    },
    errors: { message: 'Pesan terlalu panjang' },
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

describe.each(Object.keys(CASES) as (keyof typeof CASES)[])('%s', (kind) => {
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
      renderPage(
        FormPage({
          kind,
          look,
          values,
          errors,
          answer: found,
          backHref: FORMS[kind].page ?? '/',
        }),
      ),
    );
    expect(island.length).toBeGreaterThan(200);
    expect(endpoint).toBe(island);
    // The values and errors are really there, escaped, in both.
    for (const message of Object.values(errors)) expect(island).toContain(message);
  });
});
