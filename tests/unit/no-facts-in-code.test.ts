/**
 * The standard's numbers live in its frontmatter, the IKM bands in src/lib/ikm.ts (which
 * cites PermenPANRB 14/2017) and the office's facts in content/office.yaml: no code in src/
 * writes them again. Comments may mention them; code and strings may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const SOURCE = /\.(ts|tsx|astro|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : SOURCE.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The code without its comments (block, line, JSX and HTML comments). */
function code(text: string): string {
  return text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const RULES: { name: string; pattern: RegExp; except?: string }[] = [
  {
    name: 'a time limit of the standard',
    pattern: /\b(3|7|10)\s*(\(\s*\w+\s*\)\s*)?(hari|menit)\b/i,
  },
  {
    name: 'a service number as a constant',
    pattern: /\b\w*(WORKING_DAYS|AUTO_CLOSE|WALK_IN|MINUTES|CLOSE_DAYS)\w*\s*=\s*\d/,
  },
  {
    name: 'a service number as a field',
    pattern: /\b(workingDays|onlineWorkingDays|autoCloseDays|walkInMinutes)\s*:\s*\d/,
  },
  {
    name: 'an IKM band bound',
    pattern: /\b(88[.,]3[01]?|76[.,]6[01]?|64[.,]99|65[.,]00)\b/,
    except: join('src', 'lib', 'ikm.ts'),
  },
  { name: 'a fact of the office', pattern: /Bengkalis|Indragiri|Senggoro|1408|28714/ },
];

describe('no service fact is written in code', () => {
  const sources = files('src').map((path) => ({ path, code: code(readFileSync(path, 'utf8')) }));

  test('the check finds a fact where there is one', () => {
    const sample = code(
      'const AUTO_CLOSE_DAYS = 7; // 7 hari\nconst text = `paling lama 3 hari kerja`;',
    );
    expect(RULES.filter((rule) => rule.pattern.test(sample)).map((rule) => rule.name)).toEqual([
      'a time limit of the standard',
      'a service number as a constant',
    ]);
  });

  test.each(RULES)('src/ writes no $name', ({ pattern, except }) => {
    const found = sources
      .filter((source) => source.path !== except)
      .flatMap((source) =>
        source.code
          .split('\n')
          .flatMap((line, index) =>
            pattern.test(line) ? [`${source.path}:${index + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(found).toEqual([]);
  });
});
