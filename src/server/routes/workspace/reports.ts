/**
 * /petugas/laporan/: the office's report of a period (?dari=&sampai= or ?periode=<shortcut>),
 * and the same report as CSV (unduh.csv) and as an Excel workbook (unduh.xlsx). Read-only
 * GETs behind the staff session; the officers' section only for admins. A period that
 * cannot be read answers 400 with the reason, never a 500.
 */
import { Hono, type Context } from 'hono';
import { readPeriod, type Period, type PeriodShortcut } from '../../../lib/report-period.ts';
import { formatJakartaDateTime } from '../../../lib/working-days.ts';
import { buildReport, todayOf } from '../../domain/report.ts';
import { reportSections, monthLabel, type ReportSection } from '../../domain/report-tables.ts';
import { reportWorkbook } from '../../domain/report-workbook.ts';
import { toCsvTables } from '../../http/csv.ts';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { labelledBarsSvg, monthlyBarsSvg } from '../../pages/report/charts.ts';
import { renderReportPage, type ReportChart } from '../../pages/staff/ReportPage.tsx';
import { pageLook, type Services } from '../../services.ts';
import type { Report } from '../../domain/report.ts';

type Ctx = Context<WorkspaceEnv>;

type Loaded =
  | {
      ok: true;
      period: Period;
      shortcut: PeriodShortcut | null;
      report: Report;
      sections: ReportSection[];
    }
  | { ok: false; message: string };

function charts(report: Report, sections: readonly ReportSection[]): ReportChart[] {
  const list: ReportChart[] = [];
  const months = report.requests.months;
  if (months.some((m) => m.received > 0 || m.closed > 0)) {
    list.push({
      table: 'Permintaan per bulan',
      svg: monthlyBarsSvg(
        months.flatMap((m) => [
          { month: monthLabel(m.month), series: 'Diterima', value: m.received },
          { month: monthLabel(m.month), series: 'Selesai', value: m.closed },
        ]),
        {
          id: 'grafik-bulanan',
          title: 'Permintaan online per bulan',
          description: `Batang gelap: permintaan diterima; batang terang: permintaan selesai. ${months
            .map((m) => `${monthLabel(m.month)}: ${m.received} diterima, ${m.closed} selesai`)
            .join('; ')}.`,
        },
      ),
    });
  }
  const ikm = report.ikm.current;
  if (ikm) {
    list.push({
      table: 'Nilai per unsur pelayanan',
      svg: labelledBarsSvg(
        ikm.elements.map((e) => ({ label: `${e.code} ${e.name}`.slice(0, 24), value: e.nrr })),
        {
          id: 'grafik-unsur',
          title: 'Nilai rata-rata (NRR) per unsur pelayanan',
          description: `Skala 1 sampai 4. ${ikm.elements
            .map((e) => `${e.code}: ${e.nrr.toFixed(2).replace('.', ',')}`)
            .join('; ')}.`,
        },
        { domain: [1, 4], axisLabel: 'NRR', format: (v) => v.toFixed(2).replace('.', ',') },
      ),
    });
  }
  const walkIn = report.walkIn;
  if (walkIn && walkIn.served > 0) {
    list.push({
      table: 'Sebaran lama menunggu',
      svg: labelledBarsSvg(
        walkIn.distribution.map((b) => ({ label: b.label, value: b.count })),
        {
          id: 'grafik-tunggu',
          title: 'Sebaran lama menunggu pengunjung',
          description: `Jumlah pengunjung menurut lama menunggu. ${walkIn.distribution
            .map((b) => `${b.label}: ${b.count}`)
            .join('; ')}.`,
        },
        { axisLabel: 'Pengunjung' },
      ),
    });
  }
  return list.filter((chart) =>
    sections.some((s) => s.tables.some((t) => t.title === chart.table)),
  );
}

export function reportRoutes(services: Services): Hono<WorkspaceEnv> {
  const routes = new Hono<WorkspaceEnv>();

  async function load(c: Ctx): Promise<Loaded> {
    const read = readPeriod(c.req.query(), todayOf(services));
    if (!read.ok) return read;
    const report = await buildReport(services, read.period, {
      officers: c.get('session').officer.role === 'admin',
    });
    const sections = reportSections(report, {
      loket: services.loket,
      limits: services.standard.limits,
      targets: services.office.complaintTargets,
    });
    return { ok: true, period: read.period, shortcut: read.shortcut, report, sections };
  }

  routes.get('/', async (c) => {
    const loaded = await load(c);
    const printedAt = formatJakartaDateTime(services.clock.now());
    const common = {
      look: pageLook(services),
      signed: c.get('session'),
      query: { dari: c.req.query('dari'), sampai: c.req.query('sampai') },
      printedAt,
    };
    if (!loaded.ok)
      return c.html(
        renderReportPage({
          ...common,
          period: null,
          shortcut: null,
          sections: [],
          charts: [],
          error: loaded.message,
        }),
        400,
      );
    return c.html(
      renderReportPage({
        ...common,
        period: loaded.period,
        shortcut: loaded.shortcut,
        sections: loaded.sections,
        charts: charts(loaded.report, loaded.sections),
      }),
    );
  });

  routes.get('/unduh.csv', async (c) => {
    const loaded = await load(c);
    if (!loaded.ok) return c.text(loaded.message, 400);
    const tables = loaded.sections.flatMap((section) =>
      section.tables.map((table) => ({
        title: `${section.title}: ${table.title}`,
        header: table.columns.map((column) => column.label),
        rows: table.rows,
      })),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="laporan-${loaded.period.from}-${loaded.period.to}.csv"`,
    );
    return c.body(toCsvTables(tables, c.req.query('sep') === 'semicolon' ? ';' : ','));
  });

  routes.get('/unduh.xlsx', async (c) => {
    const loaded = await load(c);
    if (!loaded.ok) return c.text(loaded.message, 400);
    const workbook = await reportWorkbook(loaded.sections, {
      office: services.office.name,
      period: loaded.period,
      printedOn: formatJakartaDateTime(services.clock.now()),
    });
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'Content-Disposition',
      `attachment; filename="laporan-${loaded.period.from}-${loaded.period.to}.xlsx"`,
    );
    return c.body(new Uint8Array(workbook));
  });

  return routes;
}
