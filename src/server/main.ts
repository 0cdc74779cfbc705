import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { buildIfStale } from './build-if-stale.ts';
import { mountSite } from './site.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const distDir = 'dist';

buildIfStale(distDir);

const app = new Hono();
mountSite(app, distDir);

serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`Situs berjalan di http://${info.address}:${info.port}/`);
});
