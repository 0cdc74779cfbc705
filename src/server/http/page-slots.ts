/**
 * Static pages that show a value known only at request time (the reference on a
 * confirmation page, the current IKM) mark it with `data-slot="name"`; the server fills it
 * in, so the page shows it without JavaScript. The text already in the element is what
 * shows when a value is missing.
 */
import { FORMS } from '../../lib/forms.ts';
import { ikmBand, ikmIndex } from '../../lib/ikm.ts';
import { normalizeReference } from '../../lib/reference.ts';
import { formatDate } from '../../lib/working-days.ts';
import type { Store } from '../storage/store.ts';

export type SlotValues = Record<string, string>;

/** Values for the slots of the page at `path`, or null when the page has none. */
export type SlotSource = (path: string, query: URLSearchParams) => Promise<SlotValues | null>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

// An element whose only content is text; the slot's name is its data-slot attribute.
const SLOT = /(<([a-z][a-z0-9]*)\b[^>]*\bdata-slot="([a-z-]+)"[^>]*>)[^<]*(<\/\2>)/g;

export function fillSlots(html: string, values: SlotValues): string {
  return html.replace(SLOT, (whole, open: string, _tag: string, name: string, close: string) =>
    Object.hasOwn(values, name) ? `${open}${escapeHtml(values[name])}${close}` : whole,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function requestSlots(query: URLSearchParams): SlotValues {
  const values: SlotValues = {};
  const reference = normalizeReference(query.get('ref') ?? '');
  if (reference) values.ref = reference;
  const due = query.get('due') ?? '';
  if (ISO_DATE.test(due) && !Number.isNaN(Date.parse(due))) values.due = formatDate(due);
  return values;
}

const NUMBER = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

async function ikmSlots(store: Store): Promise<SlotValues> {
  const { count, means } = await store.ratingMeans({});
  if (count === 0) return {};
  const index = ikmIndex(means);
  const band = ikmBand(index);
  return {
    'ikm-index': NUMBER.format(index),
    'ikm-band': `${band.grade} (${band.label})`,
    'ikm-count': String(count),
  };
}

/** The site's pages with slots: the confirmation pages of the forms. */
export function siteSlots(store: Store): SlotSource {
  return async (path, query) => {
    if (path === FORMS.konsultasi.confirmation || path === FORMS.pengaduan.confirmation) {
      return requestSlots(query);
    }
    if (path === FORMS.penilaian.confirmation) return ikmSlots(store);
    return null;
  };
}
