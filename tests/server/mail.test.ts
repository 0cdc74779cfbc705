/** Mail through a real SMTP server (smtp-server) on a random loopback port. */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, test } from 'vitest';
import { deliverOutbox, retryDelayMs } from '../../src/server/mail/deliver.ts';
import { smtpMailer } from '../../src/server/mail/transport.ts';
import {
  CONFIRMED_BY_DEFAULT,
  fixture,
  LINK_SECRET,
  makeTestApp,
  office,
  postJson,
  staffRequest,
  type TestApp,
} from './harness.ts';

interface Received {
  to: string[];
  message: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Quoted-printable, as nodemailer encodes non-ASCII text. */
function decode(message: string): string {
  const soft = message.replace(/=\r\n/g, '');
  return Buffer.from(
    soft.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** A local SMTP server; `refuse` addresses get a permanent "550 No such user". */
async function startSmtp(port: number, refuse: readonly string[] = []): Promise<Received[]> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse.includes(address.address)) return callback();
      callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          message: decode(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return received;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function appWithSmtp(port: number): TestApp {
  const t = makeTestApp({
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'PST <pst@contoh.go.id>'),
  });
  cleanups.push(t.close);
  return t;
}

describe('mail over SMTP', () => {
  test('a new consultation sends the acknowledgement and the staff notice at once', async () => {
    const port = await freePort();
    const received = await startSmtp(port);
    const t = appWithSmtp(port);
    const { reference } = await (
      await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))
    ).json();

    await until(() => received.length === 2, 'two mails');
    const [toStaff, ack] = [...received].sort((a, b) => a.to[0].localeCompare(b.to[0]));
    expect(ack.to).toEqual(['siti.rahmawati@contoh.co.id']);
    expect(ack.message).toContain(`Subject: [${reference}]`);
    expect(ack.message).toContain('petugas melayaninya paling lambat Kamis, 5 November 2026');
    expect(ack.message).toContain(office.name);
    expect(ack.message).toContain(`${office.siteUrl}/status/?ref=${reference}`);
    expect(toStaff.to).toEqual(['petugas@contoh.go.id']);
    expect(toStaff.message).toContain('Apakah tersedia data jumlah penduduk miskin');
    expect(toStaff.message).toContain(`${office.siteUrl}/petugas/permintaan/${reference}/`);
    await until(
      async () => (await t.store.listOutbox({ pendingOnly: true })).length === 0,
      'outbox marked sent',
    );
  });

  test('a staff reply reaches the citizen', async () => {
    const port = await freePort();
    const received = await startSmtp(port);
    const t = appWithSmtp(port);
    const { reference } = await (
      await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))
    ).json();
    await until(() => received.length === 2, 'first two mails');
    await staffRequest(t.app, `/requests/${reference}/replies`, {
      body: { message: 'Datanya ada di publikasi Kecamatan Dalam Angka.' },
    });
    await until(() => received.length === 3, 'the reply');
    expect(received[2].to).toEqual(['siti.rahmawati@contoh.co.id']);
    expect(received[2].message).toContain('Datanya ada di publikasi Kecamatan Dalam Angka.');
  });

  test('SMTP down, then up: every mail arrives once, after the backoff', async () => {
    const port = await freePort();
    const t = appWithSmtp(port);
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'PST <pst@contoh.go.id>');
    for (let i = 0; i < 3; i += 1)
      await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));

    // The immediate attempt after each submission fails: nothing listens on the port.
    await until(
      async () =>
        (await t.store.listOutbox({ pendingOnly: true })).every(
          (m) => m.attempts === 1 && m.lastError,
        ),
      'first attempts',
    );
    const waiting = await t.store.listOutbox({ pendingOnly: true });
    expect(waiting).toHaveLength(6);
    expect(waiting[0].lastError).toMatch(/ECONNREFUSED/);
    expect(waiting[0].nextAttemptAt).toBe('2026-11-02T03:00:30.000Z');

    const received = await startSmtp(port);
    expect(
      await deliverOutbox({ store: t.store, mailer, clock: t.clock, linkSecret: LINK_SECRET }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    t.clock.advance(retryDelayMs(1));
    expect(
      await deliverOutbox({ store: t.store, mailer, clock: t.clock, linkSecret: LINK_SECRET }),
    ).toEqual({
      sent: 6,
      failed: 0,
    });
    expect(received).toHaveLength(6);
    t.clock.advance(3_600_000);
    expect(
      await deliverOutbox({ store: t.store, mailer, clock: t.clock, linkSecret: LINK_SECRET }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(received).toHaveLength(6);
    expect(await t.store.listOutbox({ pendingOnly: true })).toEqual([]);
  });

  test('mail refused for good (550) is tried three times, then left "gagal", and later mail still goes', async () => {
    const port = await freePort();
    const received = await startSmtp(port, ['tidak.ada@contoh.co.id']);
    const t = makeTestApp({ confirmed: [...CONFIRMED_BY_DEFAULT, 'tidak.ada@contoh.co.id'] });
    cleanups.push(t.close);
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'PST <pst@contoh.go.id>');
    const deliver = () =>
      deliverOutbox({ store: t.store, mailer, clock: t.clock, linkSecret: LINK_SECRET });
    const typo = { ...fixture('consultation/valid.json'), email: 'tidak.ada@contoh.co.id' };
    await postJson(t.app, '/api/consultations', typo);
    expect(await deliver()).toEqual({ sent: 1, failed: 1 });
    for (const attempt of [2, 3]) {
      t.clock.advance(retryDelayMs(attempt - 1));
      expect(await deliver(), `attempt ${attempt}`).toEqual({ sent: 0, failed: 1 });
    }
    const [refused] = (await t.store.listOutbox({ pendingOnly: false })).filter(
      (mail) => mail.to === typo.email,
    );
    expect(refused).toMatchObject({ attempts: 3, sentAt: null });
    expect(refused.failedAt).not.toBeNull();
    expect(refused.lastError).toMatch(/550/);
    expect(await t.store.listOutbox({ pendingOnly: true })).toEqual([]);

    t.clock.advance(24 * 3_600_000);
    await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    expect(received.flatMap((mail) => mail.to)).not.toContain(typo.email);
  });

  test('an address gets at most three acknowledgements an hour; the requests are stored and staff told', async () => {
    const t = makeTestApp();
    cleanups.push(t.close);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'))).status,
      ).toBe(201);
      t.clock.advance(60_000);
    }
    const mail = await t.store.listOutbox({ pendingOnly: false });
    expect(mail.filter((m) => m.purpose === 'acknowledgement')).toHaveLength(3);
    expect(mail.filter((m) => m.purpose === 'staff_notice')).toHaveLength(5);
    t.clock.advance(3_600_000);
    await postJson(t.app, '/api/consultations', fixture('consultation/valid.json'));
    expect(
      (await t.store.listOutbox({ pendingOnly: false })).filter(
        (m) => m.purpose === 'acknowledgement',
      ),
    ).toHaveLength(4);
  });

  test('retries back off from 30 seconds to at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});
