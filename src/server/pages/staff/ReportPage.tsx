import { PERIOD_SHORTCUTS, type Period, type PeriodShortcut } from '../../../lib/report-period.ts';
import type { Office } from '../../../content-schemas/office.ts';
import type { Cell, CellKind, ReportSection, ReportTable } from '../../domain/report-tables.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

/** A chart drawn on the server (report/charts.ts), placed above the table of its numbers. */
export interface ReportChart {
  /** The title of the table that holds its numbers. */
  table: string;
  svg: string;
}

interface Props {
  look: PageLook;
  signed: Signed;
  /** The period shown, or asked for when `error` is set. */
  period: Period | null;
  shortcut: PeriodShortcut | null;
  query: { dari?: string; sampai?: string };
  sections: readonly ReportSection[];
  charts: readonly ReportChart[];
  printedAt: string;
  error?: string;
}

const counts = new Intl.NumberFormat('id-ID');
const decimals = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
const percents = new Intl.NumberFormat('id-ID', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
// A period reads as dates, not weekdays: "1 November 2026 s.d. 30 November 2026".
const longDates = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDate = (date: string) => longDates.format(new Date(`${date}T00:00:00Z`));
const shortDates = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A cell as the page shows it; the workbook and the CSV keep the raw value. */
export function formatCell(cell: Cell, kind: CellKind): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') {
    if (kind === 'date') return shortDates.format(new Date(`${cell}T00:00:00Z`));
    return cell;
  }
  if (kind === 'share') return percents.format(cell);
  if (kind === 'count') return counts.format(cell);
  return decimals.format(cell);
}

function Table({ table, id }: { table: ReportTable; id: string }) {
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it (axe:
    // scrollable-region-focusable), and named by its caption.
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
      <table class="report-table">
        <caption id={id}>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" class={column.kind === 'text' ? undefined : 'num'} key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>Tidak ada data pada periode ini.</td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const kind = table.columns[i].kind;
                  const text = formatCell(cell, kind);
                  return i === 0 ? (
                    <th scope="row" key={i}>
                      {text}
                    </th>
                  ) : (
                    <td class={kind === 'text' ? undefined : 'num'} key={i}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function periodQuery(period: Period): string {
  return `dari=${period.from}&sampai=${period.to}`;
}

/**
 * The office's report of a period (/petugas/laporan/): each section's tables, three charts
 * drawn on the server, downloads as CSV and Excel. Printed, it is an A4 document with the
 * office's header, the period and the date printed (workspace.css, @media print).
 */
export function ReportPage(props: Props) {
  const { look, signed, period, shortcut, query, sections, charts, printedAt, error } = props;
  const office: Office = look.office;
  const title = period
    ? `Laporan pelayanan ${longDate(period.from)} s.d. ${longDate(period.to)}`
    : 'Laporan pelayanan';
  return (
    <WorkspaceShell
      title={error ? 'Kesalahan: Laporan pelayanan' : 'Laporan pelayanan'}
      look={look}
      signed={signed}
      section="laporan"
    >
      <div class="print-only report-letterhead">
        <p class="letterhead-name">{office.name}</p>
        <p>
          {office.address.street}, {office.address.district}, {office.address.regency},{' '}
          {office.address.province} {office.address.postcode} · {office.phone.display} ·{' '}
          {office.email}
        </p>
      </div>
      <h1>{title}</h1>
      <p class="print-only">Dicetak {printedAt}.</p>
      <form method="get" action="/petugas/laporan/" class="form report-period no-print" novalidate>
        {error ? (
          <div class="error-summary" aria-labelledby="period-error-title">
            <h2 id="period-error-title">Periode tidak dapat ditampilkan</h2>
            <p role="alert">{error}</p>
          </div>
        ) : null}
        <fieldset>
          <legend>Periode</legend>
          <ul class="period-shortcuts">
            {PERIOD_SHORTCUTS.map((s) => (
              <li key={s.id}>
                <a
                  href={`/petugas/laporan/?periode=${s.id}`}
                  aria-current={s.id === shortcut ? 'true' : undefined}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
          <div class="filter-grid">
            <div class="field">
              <label for="dari">Dari tanggal</label>
              <input id="dari" name="dari" type="date" value={query.dari ?? period?.from ?? ''} />
            </div>
            <div class="field">
              <label for="sampai">Sampai tanggal</label>
              <input
                id="sampai"
                name="sampai"
                type="date"
                value={query.sampai ?? period?.to ?? ''}
              />
            </div>
          </div>
          <div class="actions">
            <button type="submit">Tampilkan</button>
          </div>
        </fieldset>
      </form>
      {period && !error ? (
        <>
          <ul class="report-downloads no-print">
            <li>
              <a href={`/petugas/laporan/unduh.xlsx?${periodQuery(period)}`} download>
                Unduh Excel (.xlsx)
              </a>
            </li>
            <li>
              <a href={`/petugas/laporan/unduh.csv?${periodQuery(period)}`} download>
                Unduh CSV
              </a>
            </li>
            <li>Untuk mencetak (A4), pakai perintah cetak peramban (Ctrl+P).</li>
          </ul>
          <nav class="report-contents no-print" aria-label="Bagian laporan">
            <ul>
              {sections.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {sections.map((section) => (
            <section class="report-section" aria-labelledby={section.id} key={section.id}>
              <h2 id={section.id}>{section.title}</h2>
              {section.tables.map((table, t) => {
                const chart = charts.find((c) => c.table === table.title);
                const id = `${section.id}-tabel-${t + 1}`;
                return chart ? (
                  <div class="chart-with-table" key={table.title}>
                    <div class="chart-box" dangerouslySetInnerHTML={{ __html: chart.svg }} />
                    <Table table={table} id={id} />
                  </div>
                ) : (
                  <Table table={table} id={id} key={table.title} />
                );
              })}
            </section>
          ))}
        </>
      ) : null}
    </WorkspaceShell>
  );
}

export function renderReportPage(props: Props): string {
  return renderPage(<ReportPage {...props} />);
}
