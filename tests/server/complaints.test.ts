import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fixture,
  formFields,
  makeTestApp,
  postForm,
  postJson,
  query,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

describe('POST /api/complaints', () => {
  test('an open complaint gets a PG reference and an acknowledgement', async () => {
    const response = await postJson(t.app, '/api/complaints', fixture('complaint/valid.json'));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.reference).toMatch(/^PG-2611-/);
    expect(body.dueDate).toBe('2026-11-05');
    const [row] = await query(t.dbPath, 'SELECT * FROM requests');
    expect(row).toMatchObject({
      kind: 'pengaduan',
      identity: 'terbuka',
      category: 'waktu_layanan',
      related_reference: 'KS-2611-7K3QX9',
      name: 'Andi Pratama',
    });
    expect((await t.store.listOutbox({ pendingOnly: true })).map((m) => m.to)).toEqual([
      'andi.pratama@contoh.co.id',
      'petugas@contoh.go.id',
    ]);
  });

  test('an anonymous complaint stores no name or email even when sent, and mails only staff', async () => {
    const response = await postJson(t.app, '/api/complaints', fixture('complaint/anonymous.json'));
    expect(response.status).toBe(201);
    const [row] = await query(t.dbPath, 'SELECT name, email, phone, identity FROM requests');
    expect(row).toEqual({ name: null, email: null, phone: null, identity: 'anonim' });
    const mails = await t.store.listOutbox({ pendingOnly: true });
    expect(mails.map((m) => m.to)).toEqual(['petugas@contoh.go.id']);
    expect(mails[0].text).not.toContain('jangan.disimpan');
  });

  test('an anonymous complaint needs no consent: it holds no personal data', async () => {
    const { consent: _, ...withoutConsent } = fixture('complaint/anonymous.json') as Record<
      string,
      unknown
    >;
    const response = await postJson(t.app, '/api/complaints', withoutConsent);
    expect(response.status).toBe(201);
  });

  test('a confidential complaint without contact details is refused per field', async () => {
    const response = await postJson(
      t.app,
      '/api/complaints',
      fixture('complaint/confidential-without-contact.json'),
    );
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['name', 'email']);
  });

  test('the staff notice of a confidential complaint says so', async () => {
    await postJson(t.app, '/api/complaints', {
      ...fixture('complaint/valid.json'),
      identity: 'rahasia',
    });
    const [, toStaff] = await t.store.listOutbox({ pendingOnly: true });
    expect(toStaff.text).toContain('RAHASIA');
  });

  test('a plain form post is sent on to the complaint confirmation page', async () => {
    const response = await postForm(
      t.app,
      '/api/complaints',
      formFields(fixture('complaint/anonymous.json')),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(
      /^\/pengaduan\/terkirim\/\?ref=PG-2611-[0-9A-Z]{6}&due=2026-11-05$/,
    );
  });

  test('a plain form post with errors keeps the identity choice and the text', async () => {
    const fields = { ...formFields(fixture('complaint/confidential-without-contact.json')) };
    const page = await (await postForm(t.app, '/api/complaints', fields)).text();
    expect(page).toMatch(/value="rahasia" checked/);
    expect(page).toContain('Petugas tidak ramah saat saya datang.</textarea>');
    expect(page).toContain('<a href="#pengaduan-name">Masukkan nama Anda</a>');
  });
});
