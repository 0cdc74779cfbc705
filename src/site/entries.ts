import { getCollection, getEntry } from 'astro:content';

export async function getOffice() {
  const entry = await getEntry('office', 'office');
  if (!entry) throw new Error('content/office.yaml is missing');
  return entry.data;
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
