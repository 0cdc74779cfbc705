import { getCollection } from 'astro:content';
import { contentDir, loadOffice } from '../content-schemas/load.ts';
import type { Office } from '../content-schemas/office.ts';

let office: Office | undefined;

/** The office's facts (office.yaml), read once per build by the same reader as the server. */
export async function getOffice(): Promise<Office> {
  office ??= loadOffice(contentDir());
  return office;
}

/** The service standard published by this site (the one file in content/standar/). */
export async function getStandard() {
  const [entry, ...others] = await getCollection('standar');
  if (!entry) throw new Error('content/standar/ has no standard (.mdx)');
  if (others.length > 0) throw new Error('content/standar/ must hold exactly one standard');
  return entry;
}

export async function getFaqs() {
  const faqs = await getCollection('faq');
  return faqs.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
