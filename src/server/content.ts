/** Reads the office's facts and holidays from content/, validated by the site's own schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { holidaysSchema } from '../content-schemas/holidays.ts';
import { officeSchema, type Office } from '../content-schemas/office.ts';

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

function describeProblems(
  path: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const lines = issues.map(
    (issue) => `  ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`,
  );
  return `${path} is not valid:\n${lines.join('\n')}`;
}

export function loadOffice(contentDir: string): Office {
  const path = join(contentDir, 'office.yaml');
  const result = officeSchema.safeParse(readYaml(path));
  if (!result.success) throw new Error(describeProblems(path, result.error.issues));
  return result.data;
}

/** The dates (YYYY-MM-DD, Asia/Jakarta) on which the office is closed besides weekends. */
export function loadHolidays(contentDir: string): ReadonlySet<string> {
  const path = join(contentDir, 'holidays.yaml');
  const result = holidaysSchema.safeParse(readYaml(path));
  if (!result.success) throw new Error(describeProblems(path, result.error.issues));
  return new Set(result.data.map((holiday) => holiday.date));
}
