/**
 * The few HTML pages the endpoint itself answers plain form posts with: an error summary
 * with the form filled in again, the status of a request, and short notices. Every value is
 * escaped by hono/html; no inline script or style, so the CSP holds. Structure follows the
 * GOV.UK error summary: one h1, an alert with each error as a link to its field, the inline
 * message joined to the field by aria-describedby.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Office } from '../../content-schemas/office.ts';
import { formatDate, formatJakartaDateTime } from '../../lib/working-days.ts';
import { KIND_LABELS, STATUS_LABELS } from '../lifecycle.ts';
import type { RequestStatus, StoredRequest } from '../storage/store.ts';
import { CARRIED_FIELDS, type FieldSpec, type FormSpec } from './forms.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const CHECKED_VALUES = ['ya', 'on', 'true'];

function attribute(name: string, value: string | number | undefined): Html | '' {
  return value === undefined || value === '' ? '' : html` ${raw(name)}="${value}"`;
}

/** How the endpoint's pages look like the site: its office facts and its stylesheets. */
export interface PageLook {
  office: Office;
  stylesheets: readonly string[];
}

/** A whole page as a string (our templates have no async parts). */
function shell(title: string, look: PageLook, content: Html): string {
  const { office } = look;
  const page = html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – ${office.shortName}</title>
${look.stylesheets.map(
  (href) => html`<link rel="stylesheet" href="${href}">
`,
)}</head>
<body>
<main class="wrap">
${content}
</main>
<footer class="site-footer wrap">
<p>${office.name} · <a href="mailto:${office.email}">${office.email}</a> · WhatsApp <a href="${office.whatsapp.url}">${office.whatsapp.display}</a></p>
</footer>
</body>
</html>
`;
  if (page instanceof Promise) throw new TypeError('page templates must be synchronous');
  return page.toString();
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function field(spec: FieldSpec, value: string, error: string | undefined): Html {
  const id = `f-${spec.name}`;
  const hintId = spec.hint ? `${id}-petunjuk` : undefined;
  const errorId = error ? `${id}-kesalahan` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const hint = spec.hint ? html`<p class="hint" id="${hintId}">${spec.hint}</p>` : '';
  const message = error
    ? html`<p class="error-message" id="${errorId}"><span class="visually-hidden">Kesalahan:</span> ${error}</p>`
    : '';
  const wrapper = error ? 'field field-error' : 'field';
  const invalid = attribute('aria-invalid', error ? 'true' : undefined);

  switch (spec.kind) {
    case 'hidden':
      return html`<input type="hidden" name="${spec.name}" value="${value}">`;
    case 'radios':
      return html`<div class="${wrapper}"><fieldset${attribute('aria-describedby', describedBy)}>
<legend>${spec.label}</legend>
${hint}${message}<div class="choices">${(spec.options ?? []).map(
        (
          option,
          index,
        ) => html`<div class="choice"><input type="radio" id="${index === 0 ? id : `${id}-${index}`}" name="${spec.name}" value="${option.value}"${option.value === value ? raw(' checked') : ''}> <label for="${index === 0 ? id : `${id}-${index}`}">${option.label}</label></div>
`,
      )}</div></fieldset></div>
`;
    case 'checkbox':
      return html`<div class="${wrapper}">
${message}<div class="choice"><input type="checkbox" id="${id}" name="${spec.name}" value="ya"${CHECKED_VALUES.includes(value) ? raw(' checked') : ''}${attribute('aria-describedby', describedBy)}${invalid}> <label for="${id}">${spec.label}</label></div>
</div>
`;
    case 'textarea':
      // The newline after <textarea> is dropped by the HTML parser, so a value starting with
      // a line break keeps it.
      return html`<div class="${wrapper}">
<label for="${id}">${spec.label}</label>
${hint}${message}<textarea id="${id}" name="${spec.name}" rows="8"${attribute('maxlength', spec.maxLength)}${attribute('aria-describedby', describedBy)}${invalid}>
${value}</textarea>
</div>
`;
    default:
      return html`<div class="${wrapper}">
<label for="${id}">${spec.label}</label>
${hint}${message}<input type="${spec.kind}" id="${id}" name="${spec.name}" value="${value}"${attribute('maxlength', spec.maxLength)}${attribute('autocomplete', spec.autocomplete)}${attribute('aria-describedby', describedBy)}${invalid}>
</div>
`;
  }
}

/** The alert on top: each error as a link to its field, or one notice about the whole post. */
function errorSummary(errors: Record<string, string>, notice: string | undefined): Html {
  const content = notice
    ? html`<h2 id="ringkasan-kesalahan">Formulir belum terkirim</h2>
<p>${notice}</p>
`
    : html`<h2 id="ringkasan-kesalahan">Ada yang perlu diperbaiki</h2>
<ul>
${Object.entries(errors).map(
  ([name, message]) => html`<li><a href="#f-${name}">${message}</a></li>
`,
)}</ul>
`;
  return html`<div class="error-summary" aria-labelledby="ringkasan-kesalahan"><div role="alert">
${content}</div></div>
`;
}

/**
 * The form again with what was typed, the errors listed on top and next to their fields (or
 * a `notice` about the whole post, such as the rate limit). `siteOrigin` is '' for our own
 * pages, or the separately hosted site the post came from.
 */
export function formErrorPage(input: {
  form: FormSpec;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  notice?: string;
  look: PageLook;
  siteOrigin: string;
}): string {
  const { form, values, errors, notice, look, siteOrigin } = input;
  const carried = CARRIED_FIELDS.filter((name) => textOf(values[name]) !== '').map(
    (name) => html`<input type="hidden" name="${name}" value="${textOf(values[name])}">
`,
  );
  return shell(
    `Kesalahan: ${form.title}`,
    look,
    html`${errorSummary(errors, notice)}<h1>${form.title}</h1>
<form method="post" action="${form.action}" novalidate>
${carried}${form.fields.map((spec) => field(spec, textOf(values[spec.name]), errors[spec.name]))}<div class="actions"><button type="submit">Kirim</button></div>
</form>
<p><a href="${siteOrigin}${form.page(values)}">Kembali ke halaman formulir</a></p>`,
  );
}

/** A short notice (too many posts, too large, wrong origin…) with a way back. */
export function noticePage(input: {
  title: string;
  message: string;
  backHref: string;
  look: PageLook;
}): string {
  return shell(
    input.title,
    input.look,
    html`<h1>${input.title}</h1>
<p>${input.message}</p>
<p><a href="${input.backHref}">Kembali</a></p>`,
  );
}

/** What a citizen may see of their request: status, dates and the replies of staff. */
export function statusPage(input: {
  request: StoredRequest;
  history: readonly { at: string; status: RequestStatus; reply: string | null }[];
  look: PageLook;
  siteOrigin: string;
}): string {
  const { request, history, look, siteOrigin } = input;
  const labels = STATUS_LABELS.id;
  return shell(
    `Status ${request.reference}`,
    look,
    html`<h1>Status permintaan ${request.reference}</h1>
<dl>
<dt>Jenis</dt><dd>${KIND_LABELS[request.kind]}</dd>
<dt>Status</dt><dd>${labels[request.status]}</dd>
<dt>Diterima</dt><dd>${formatJakartaDateTime(new Date(request.createdAt))}</dd>
${request.kind === 'konsultasi' ? html`<dt>Dilayani paling lambat</dt><dd>${formatDate(request.dueDate)} (jika permintaan sudah jelas dan lengkap)</dd>` : ''}
</dl>
<h2>Riwayat</h2>
<ol>
${history.map(
  (entry) => html`<li>
<p><time datetime="${entry.at}">${formatJakartaDateTime(new Date(entry.at))}</time>: ${labels[entry.status]}</p>
${entry.reply ? html`<blockquote>${entry.reply.split('\n').map((line, index) => html`${index > 0 ? raw('<br>') : ''}${line}`)}</blockquote>` : ''}
</li>
`,
)}</ol>
${
  request.status === 'selesai' && request.kind === 'konsultasi'
    ? html`<p><a class="button" href="${siteOrigin}/penilaian/?ref=${request.reference}">Beri penilaian layanan</a></p>
`
    : ''
}<p><a href="${siteOrigin}/status/">Cek permintaan lain</a></p>`,
  );
}
