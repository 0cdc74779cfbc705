/**
 * Static pages that show a value known only at request time (the reference on a
 * confirmation page, the current IKM) mark it with `data-slot="name"`; the server fills it
 * in, so the page shows it without JavaScript. The text already in the element is what
 * shows when a value is missing. Form pages get their hidden start time and idempotency key
 * stamped the same way, so a post from a browser without JavaScript carries them too. A form
 * field marked `data-prefill="name"` is filled the same way from the address
 * (/konsultasi/?pertanyaan=…); its island fills it itself when the page comes from the cache.
 */
import { randomUUID } from 'node:crypto';
import { FORMS } from '../../lib/forms.ts';
import { ikmBand, ikmIndex } from '../../lib/ikm.ts';
import { normalizeReference } from '../../lib/reference.ts';
import {
  CONSULTATION_LIMITS,
  QUESTION_PARAMETER,
  RELATED_PARAMETER,
} from '../../schemas/consultation.ts';
import { formatDate } from '../../lib/working-days.ts';
import type { Office } from '../../content-schemas/office.ts';
import type { Clock } from '../clock.ts';
import { answerFor, openRequest } from '../domain/citizen-view.ts';
import { renderExpiredLinkSlot, renderStatusSlot } from '../pages/StatusSlot.tsx';
import type { AppDeps } from '../services.ts';
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

// A link whose address is known at request time: `<a href="…" data-slot-href="name">`.
const HREF_SLOT = /<a\b([^>]*?)\bhref="[^"]*"([^>]*\bdata-slot-href="([a-z-]+)"[^>]*)>/g;
// Markup drawn by the server's own components (Preact, which escapes every text), for readers
// without JavaScript: `<noscript data-slot-html="name">`. Its values are keyed "html:name".
const HTML_SLOT = /(<noscript\b[^>]*\bdata-slot-html="([a-z-]+)"[^>]*>)[\s\S]*?(<\/noscript>)/g;

// An input a value is given to from the address: `<input … data-prefill="name" …>`.
const INPUT_SLOT = /<input\b([^>]*\bdata-prefill="([a-z-]+)"[^>]*?)\s*\/?>/g;

export function fillSlots(html: string, values: SlotValues): string {
  return html
    .replace(INPUT_SLOT, (whole, attributes: string, name: string) =>
      Object.hasOwn(values, name)
        ? `<input${attributes.replace(/\svalue="[^"]*"/, '')} value="${escapeHtml(values[name])}"/>`
        : whole,
    )
    .replace(SLOT, (whole, open: string, _tag: string, name: string, close: string) =>
      Object.hasOwn(values, name) ? `${open}${escapeHtml(values[name])}${close}` : whole,
    )
    .replace(HREF_SLOT, (whole, before: string, after: string, name: string) =>
      Object.hasOwn(values, `href:${name}`)
        ? `<a${before}href="${escapeHtml(values[`href:${name}`])}"${after}>`
        : whole,
    )
    .replace(HTML_SLOT, (whole, open: string, name: string, close: string) =>
      Object.hasOwn(values, `html:${name}`) ? `${open}${values[`html:${name}`]}${close}` : whole,
    );
}

// The empty hidden fields a form component renders (src/islands/form-kit/Fields.tsx, Carried).
const EMPTY_CARRIED =
  /(<input type="hidden" name="(form_started_at|idempotency_key)" value)(="")?(?=[\s/>])/g;

/**
 * The hidden fields of the page's forms, filled for this page view: when it was served (the
 * spam check's fill time) and a fresh idempotency key (pressing "Kirim" twice stores once).
 */
export function stampForms(html: string, now: Date): string {
  return html.replace(EMPTY_CARRIED, (_whole, open: string, name: string) =>
    name === 'form_started_at' ? `${open}="${now.getTime()}"` : `${open}="${randomUUID()}"`,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function requestSlots(query: URLSearchParams): SlotValues {
  const values: SlotValues = {};
  const reference = normalizeReference(query.get('ref') ?? '');
  if (reference) values.ref = reference;
  const due = query.get('due') ?? '';
  if (ISO_DATE.test(due) && !Number.isNaN(Date.parse(due))) values.due = formatDate(due);
  if (query.get('konfirmasi') === '1') {
    values.konfirmasi =
      'Satu langkah lagi: buka email dari kami dan konfirmasi alamat email Anda. Permintaan mulai diproses setelah dikonfirmasi.';
  }
  return values;
}

/** At most `max` UTF-16 units (what the field's maxlength counts), never half a character. */
function cut(text: string, max: number): string {
  const cutText = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cutText) ? cutText.slice(0, -1) : cutText;
}

/** The earlier request a closed one's "Ajukan permintaan baru" names (/konsultasi/?terkait=…). */
function relatedSlot(query: URLSearchParams): SlotValues {
  const reference = normalizeReference(query.get(RELATED_PARAMETER) ?? '');
  return reference ? { [RELATED_PARAMETER]: reference } : {};
}

/** The rating invitation's link fills the reference and carries the personal key. */
function ratingSlots(query: URLSearchParams): SlotValues {
  const reference = normalizeReference(query.get('ref') ?? '');
  const kunci = query.get('kunci')?.slice(0, 64);
  return reference ? { ref: reference, ...(kunci ? { kunci } : {}) } : {};
}

/** The question a search carries to the consultation form; none when the address has none. */
function questionSlot(query: URLSearchParams): SlotValues | null {
  const question = query.get(QUESTION_PARAMETER)?.trim();
  return question ? { [QUESTION_PARAMETER]: cut(question, CONSULTATION_LIMITS.question) } : null;
}

// The thanks page is opened after every rating; an index a minute old is news enough, and
// an average over the whole table is not worth computing per visit.
const IKM_CACHE_MS = 60_000;

const NUMBER = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** The IKM of every rating so far, read at most once a minute. */
function ikmSlots(store: Store, clock: Clock): () => Promise<SlotValues> {
  let cached: { at: number; values: SlotValues } | null = null;
  return async () => {
    const now = clock.now().getTime();
    if (cached && now - cached.at < IKM_CACHE_MS) return cached.values;
    const { count, means } = await store.ratingMeans({});
    let values: SlotValues = {};
    if (count > 0) {
      const index = ikmIndex(means);
      const band = ikmBand(index);
      values = {
        'ikm-index': NUMBER.format(index),
        'ikm-band': `${band.grade} (${band.label})`,
        'ikm-count': String(count),
      };
    }
    // No ratings yet costs nothing to ask again, and the first rating should show at once.
    if (count > 0) cached = { at: now, values };
    return values;
  };
}

// The pages that hold a form whose hidden fields the server stamps.
const FORM_PAGES = new Set<string>([
  FORMS.konsultasi.page,
  FORMS.pengaduan.page,
  FORMS.penilaian.page,
]);

/** "Lanjutkan lewat WhatsApp" with the request's number in the message. */
function whatsappSlot(office: Office, values: SlotValues): SlotValues {
  if (!values.ref) return values;
  const text = `Halo ${office.shortName}, saya ingin melanjutkan permintaan ${values.ref}.`;
  return { ...values, 'href:whatsapp': `${office.whatsapp.url}?text=${encodeURIComponent(text)}` };
}

/**
 * A personal link (/status/?ref=…&kunci=…) opened without JavaScript: the conversation is
 * drawn by the server into the page's <noscript>. With JavaScript the island opens it.
 */
async function statusSlot(deps: AppDeps, query: URLSearchParams): Promise<SlotValues | null> {
  const reference = normalizeReference(query.get('ref') ?? '');
  const kunci = query.get('kunci') ?? '';
  if (!reference || !kunci) return null;
  const request = await openRequest(deps, { reference, kunci });
  if (!request) return { 'html:status': renderExpiredLinkSlot() };
  const answer = await answerFor(deps, request, 'id');
  return { 'html:status': renderStatusSlot(answer, { reference, kunci }) };
}

/**
 * The site's pages filled per request: the confirmation pages of the forms, the form pages
 * (their hidden fields stamped; the consultation's question from the address), the status
 * page opened by a personal link.
 */
export function siteSlots(deps: AppDeps): SlotSource {
  const { store, clock, office } = deps;
  const ikm = ikmSlots(store, clock);
  return async (path, query) => {
    if (path === FORMS.konsultasi.page) return { ...questionSlot(query), ...relatedSlot(query) };
    if (path === FORMS.status.page) return statusSlot(deps, query);
    if (path === FORMS.konsultasi.confirmation || path === FORMS.pengaduan.confirmation) {
      return whatsappSlot(office, requestSlots(query));
    }
    if (path === FORMS.penilaian.confirmation) return ikm();
    if (path === FORMS.penilaian.page) return ratingSlots(query);
    if (FORM_PAGES.has(path)) return {};
    return null;
  };
}
