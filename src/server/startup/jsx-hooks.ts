/**
 * Lets Node load the Preact components (.tsx) that the site's islands are made of, so the
 * endpoint renders the very same components for its own pages. Node 24 strips TypeScript
 * types but does not compile JSX; esbuild (already there: Astro's Vite uses it) turns each
 * .tsx file into plain JavaScript once, when it is first imported, with Preact's automatic
 * JSX runtime as in tsconfig.json. Vitest compiles .tsx itself and does not need this.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      loader: 'tsx',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      format: 'esm',
      sourcefile: path,
      sourcemap: 'inline',
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
