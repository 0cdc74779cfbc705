import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { faqSchema } from './content-schemas/faq.ts';
import { holidaySchema } from './content-schemas/holidays.ts';
import { officeSchema } from './content-schemas/office.ts';
import { pageSchema } from './content-schemas/page.ts';
import { standardSchema } from './content-schemas/standard.ts';

// Files starting with "_" are drafts and never become pages.
const mdx = (folder: string) => glob({ base: `./content/${folder}`, pattern: '**/[^_]*.mdx' });

export const collections = {
  // office.yaml is one object; the parser makes it a collection with the single entry "office".
  office: defineCollection({
    loader: file('content/office.yaml', { parser: (text) => ({ office: parse(text) }) }),
    schema: officeSchema,
  }),
  holidays: defineCollection({
    loader: file('content/holidays.yaml', {
      parser: (text) =>
        (parse(text) as { date: string }[]).map((day) => ({ id: day.date, ...day })),
    }),
    schema: holidaySchema,
  }),
  standar: defineCollection({ loader: mdx('standar'), schema: standardSchema }),
  faq: defineCollection({ loader: mdx('faq'), schema: faqSchema }),
  pages: defineCollection({ loader: mdx('pages'), schema: pageSchema }),
};
