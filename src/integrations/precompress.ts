import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;
// Below one TCP packet compression saves nothing worth a second file.
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Writes .br and .gz beside each text file of the build, once, at maximum compression, so
 * the server sends compressed bytes without compressing on every request. Runs last, after
 * every other integration has written its files. Pagefind's index files are compressed
 * by Pagefind itself, so the pattern leaves them out.
 */
export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let count = 0;
        for await (const path of files(fileURLToPath(dir))) {
          if (!COMPRESSIBLE.test(path)) continue;
          const data = await readFile(path);
          if (data.length < MIN_BYTES) continue;
          const [br, gzipped] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gz(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
          count += 1;
        }
        logger.info(`${count} files precompressed (.br, .gz)`);
      },
    },
  };
}
