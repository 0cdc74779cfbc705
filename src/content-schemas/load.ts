/**
 * The one reader of the content folder outside Astro's collections: astro.config, the
 * content linter, the server and the search build read the office, the holidays, the
 * standard, the FAQ keywords, the search's word maps and the reply templates through it,
 * validated by the same schemas as the collections. A file that does not match stops the
 * caller with the file and each bad field named.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { faqSchema, type Faq } from './faq.ts';
import { holidaysSchema } from './holidays.ts';
import { loketSchema, type Loket } from './loket.ts';
import { officeSchema, type Office } from './office.ts';
import { replyTemplateSchema, type ReplyTemplateMeta } from './reply-template.ts';
import { searchWordsSchema, type SearchWords } from './search-words.ts';
import { standardSchema, type Standard } from './standard.ts';

/** The content folder: CONTENT_DIR (a fork, or a test's temporary copy), else ./content. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR?.trim() || 'content';
}

export class ContentError extends Error {}

function validate<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  path: string,
): z.infer<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`,
  );
  throw new ContentError(`${path} is not valid:\n${lines.join('\n')}`);
}

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(
      `${path} cannot be read: ${error instanceof Error ? error.message : error}`,
    );
  }
}

export function loadOffice(dir = contentDir()): Office {
  const path = join(dir, 'office.yaml');
  return validate(officeSchema, readYaml(path), path);
}

/** The dates (YYYY-MM-DD, Asia/Jakarta) on which the office is closed besides weekends. */
export function loadHolidays(dir = contentDir()): ReadonlySet<string> {
  const path = join(dir, 'holidays.yaml');
  return new Set(validate(holidaysSchema, readYaml(path), path).map((holiday) => holiday.date));
}

/** The walk-in desk (content/loket.yaml): desks and services; null when the office has none. */
export function loadLoket(dir = contentDir()): Loket | null {
  const path = join(dir, 'loket.yaml');
  if (!existsSync(path)) return null;
  return validate(loketSchema, readYaml(path), path);
}

/** Where the search's word maps live in the content folder. */
export const searchWordsPath = (dir = contentDir()) => join(dir, 'pencarian', 'kata.yaml');

/**
 * The search's word maps (informal spellings, stop-words, synonyms, endings). A content folder
 * without the file searches with the words of its pages alone.
 */
export function loadSearchWords(dir = contentDir()): SearchWords {
  const path = searchWordsPath(dir);
  return validate(searchWordsSchema, existsSync(path) ? (readYaml(path) ?? {}) : {}, path);
}

/** The path of the one standard the site publishes (content/standar/*.mdx, drafts left out). */
export function standardPath(dir = contentDir()): string {
  const folder = join(dir, 'standar');
  const files = readdirSync(folder).filter(
    (name) => name.endsWith('.mdx') && !name.startsWith('_'),
  );
  if (files.length !== 1) {
    throw new ContentError(
      `${folder} must hold exactly one standard (.mdx); found ${files.length}`,
    );
  }
  return join(folder, files[0]);
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** A Markdown file's frontmatter (parsed YAML) and the text after it. */
function readMarkdown(path: string): { data: unknown; body: string } {
  const text = readFileSync(path, 'utf8');
  const match = FRONTMATTER.exec(text);
  if (!match) throw new ContentError(`${path} has no frontmatter between "---" lines`);
  try {
    return { data: parse(match[1]), body: text.slice(match[0].length) };
  } catch (error) {
    throw new ContentError(
      `${path} frontmatter cannot be read: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** The standard's frontmatter: its numbers, channels, requirements and steps. */
export function loadStandard(dir = contentDir()): Standard {
  const path = standardPath(dir);
  return validate(standardSchema, readMarkdown(path).data, path);
}

export interface ReplyTemplate extends ReplyTemplateMeta {
  /** The file's name without .md. */
  id: string;
  /** The Markdown body. */
  body: string;
}

/** The reply templates (content/balasan/*.md), in their order; none when the folder is absent. */
export function loadReplyTemplates(dir = contentDir()): ReplyTemplate[] {
  const folder = join(dir, 'balasan');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .map((name) => {
      const path = join(folder, name);
      const { data, body } = readMarkdown(path);
      const meta = validate(replyTemplateSchema, data, path);
      if (body.trim() === '')
        throw new ContentError(`${path} is not valid:\n  (file): the reply text is empty`);
      return { ...meta, id: name.replace(/\.md$/, ''), body: body.trim() };
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * The frontmatter of each published question (content/faq/*.mdx, drafts left out), with its
 * page's id (the file name without .mdx).
 */
export function loadFaqs(dir = contentDir()): (Faq & { id: string })[] {
  const folder = join(dir, 'faq');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .sort()
    .map((name) => {
      const path = join(folder, name);
      return {
        id: name.slice(0, -'.mdx'.length),
        ...validate(faqSchema, readMarkdown(path).data, path),
      };
    });
}
