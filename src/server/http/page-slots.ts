/**
 * Static pages that show a value known only at request time (the reference on a
 * confirmation page, the current IKM) mark it with `data-slot="name"`; the server fills it
 * in, so the page shows it without JavaScript. The text already in the element is what
 * shows when a value is missing. A form field marked `data-prefill="name"` is filled the same
 * way from the address (/konsultasi/?pertanyaan=…); its island fills it itself, so unlike a
 * slot's page, the page can still be precached.
 */
import { FORMS } from '../../lib/forms.ts';
import { ikmBand, ikmIndex } from '../../lib/ikm.ts';
import { normalizeReference } from '../../lib/reference.ts';
import { CONSULTATION_LIMITS, QUESTION_PARAMETER } from '../../schemas/consultation.ts';
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

// An element whose only content is text; the slot's name is its data-slot (or data-prefill)
// attribute.
const SLOT = /(<([a-z][a-z0-9]*)\b[^>]*\bdata-(?:slot|prefill)="([a-z-]+)"[^>]*>)[^<]*(<\/\2>)/g;

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

/** At most `max` UTF-16 units (what the field's maxlength counts), never half a character. */
function cut(text: string, max: number): string {
  const cutText = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cutText) ? cutText.slice(0, -1) : cutText;
}

/** The question a search carries to the consultation form; none when the address has none. */
function questionSlot(query: URLSearchParams): SlotValues | null {
  const question = query.get(QUESTION_PARAMETER)?.trim();
  return question ? { [QUESTION_PARAMETER]: cut(question, CONSULTATION_LIMITS.question) } : null;
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

/** The site's pages with slots: the confirmation pages of the forms, the consultation form. */
export function siteSlots(store: Store): SlotSource {
  return async (path, query) => {
    if (path === FORMS.konsultasi.page) return questionSlot(query);
    if (path === FORMS.konsultasi.confirmation || path === FORMS.pengaduan.confirmation) {
      return requestSlots(query);
    }
    if (path === FORMS.penilaian.confirmation) return ikmSlots(store);
    return null;
  };
}
