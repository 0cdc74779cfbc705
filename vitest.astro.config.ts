import { getViteConfig } from 'astro/config';

// Tests that render .astro components (Astro's container API) need Astro's Vite setup; the
// unit and server tests in vitest.config.ts do not, and start faster without it.
export default getViteConfig({ test: { include: ['tests/astro/**/*.test.ts'] } });
