/**
 * The report as an Office Open XML workbook (exceljs): one sheet per section, each table under
 * its title, counts and shares as numbers (shares with a percent format), dates as dates.
 */
import ExcelJS from 'exceljs';
import type { Period } from '../../lib/report-period.ts';
import type { CellKind, ReportSection } from './report-tables.ts';

const FORMATS: Partial<Record<CellKind, string>> = {
  count: '0',
  decimal: '0.00##',
  share: '0.0%',
  date: 'yyyy-mm-dd',
};

function value(cell: string | number | null, kind: CellKind): ExcelJS.CellValue {
  if (cell === null) return null;
  // A date cell is a Jakarta calendar date; as midnight UTC it shows the same day everywhere.
  if (kind === 'date' && typeof cell === 'string') return new Date(`${cell}T00:00:00Z`);
  return cell;
}

export async function reportWorkbook(
  sections: readonly ReportSection[],
  heading: { office: string; period: Period; printedOn: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = heading.office;
  for (const section of sections) {
    const sheet = workbook.addWorksheet(section.title.slice(0, 31));
    sheet.addRow([heading.office]).font = { bold: true };
    sheet.addRow([`${section.title}, ${heading.period.from} s.d. ${heading.period.to}`]);
    sheet.addRow([`Dibuat ${heading.printedOn}`]);
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true };
      sheet.addRow(table.columns.map((column) => column.label)).font = { bold: true };
      for (const cells of table.rows) {
        const row = sheet.addRow(cells.map((cell, i) => value(cell, table.columns[i].kind)));
        table.columns.forEach((column, i) => {
          const format = FORMATS[column.kind];
          if (format && typeof cells[i] !== 'string') row.getCell(i + 1).numFmt = format;
          if (column.kind === 'date') row.getCell(i + 1).numFmt = FORMATS.date!;
        });
      }
    }
    sheet.getColumn(1).width = 48;
    for (let i = 2; i <= 6; i += 1) sheet.getColumn(i).width = 18;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
