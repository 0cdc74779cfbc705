import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './content-schemas/load.ts';
import { faqSchema } from './content-schemas/faq.ts';
import { pageSchema } from './content-schemas/page.ts';
import { standardSchema } from './content-schemas/standard.ts';

// The MDX files become pages through collections. office.yaml and holidays.yaml are read by
// src/content-schemas/load.ts, the one reader the server and the linter use too.
// Files starting with "_" are drafts and never become pages.
const mdx = (folder: string) =>
  glob({ base: `${contentDir()}/${folder}`, pattern: '**/[^_]*.mdx' });

export const collections = {
  standar: defineCollection({ loader: mdx('standar'), schema: standardSchema }),
  faq: defineCollection({ loader: mdx('faq'), schema: faqSchema }),
  pages: defineCollection({ loader: mdx('pages'), schema: pageSchema }),
};
