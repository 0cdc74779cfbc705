// The floor `npm run bench` measures the endpoint against: the least a durable submission can
// cost with these tools. Hono reads the JSON, the same valibot schema validates it, and one
// INSERT is committed on its own (WAL, synchronous=FULL: one fsync per request). No spam
// checks, idempotency, history, mail or worker thread. Prints its URL like the server does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import * as v from 'valibot';
import { consultationSchema } from '../src/schemas/consultation.ts';

const db = new DatabaseSync(join(mkdtempSync(join(tmpdir(), 'pst-floor-')), 'floor.sqlite'));
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA synchronous = FULL');
db.exec('CREATE TABLE requests (id INTEGER PRIMARY KEY, name TEXT, email TEXT, question TEXT)');
const insert = db.prepare('INSERT INTO requests (name, email, question) VALUES (?, ?, ?)');

const app = new Hono().post('/api/consultations', async (c) => {
  const parsed = v.safeParse(consultationSchema, await c.req.json());
  if (!parsed.success) return c.json({ error: 'invalid' }, 422);
  const { lastInsertRowid } = insert.run(
    parsed.output.name,
    parsed.output.email,
    parsed.output.question,
  );
  return c.json({ id: Number(lastInsertRowid) }, 201);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`Situs berjalan di http://127.0.0.1:${info.port}/`);
});
