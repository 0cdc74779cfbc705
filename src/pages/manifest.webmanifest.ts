import type { APIRoute } from 'astro';
import { getOffice, getStandard } from '../page-data/entries.ts';

export const GET: APIRoute = async () => {
  const [office, { data: standard }] = await Promise.all([getOffice(), getStandard()]);
  const manifest = {
    name: `${standard.title} – ${office.shortName}`,
    short_name: 'Konsultasi PST',
    description: standard.summary,
    lang: 'id',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#003d79',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      {
        src: '/icons/icon-512-maskable.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
