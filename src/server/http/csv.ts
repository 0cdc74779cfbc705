/** CSV for spreadsheets (RFC 4180, CRLF line ends), every cell quoted. */

// Excel only reads a CSV file as UTF-8 when it starts with a byte order mark.
const BOM = '\uFEFF';

export type CsvDelimiter = ',' | ';';

function cell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ (or a tab or CR) runs as a formula in Excel and LibreOffice
  // (OWASP "CSV injection"); a leading apostrophe keeps it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Quoted whatever the separator: "Budi;=1+1" left bare in a comma file is split at the
  // ";" by Excel with Indonesian settings, and its second half runs as a formula.
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A CSV document. Indonesian Excel uses ";" between columns (the decimal separator is ","),
 * so the delimiter is a choice of the reader.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  delimiter: CsvDelimiter = ',',
): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(delimiter));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Several tables in one CSV document (a report): each a title line, its header and its rows,
 * a blank line between them; one byte order mark at the start.
 */
export function toCsvTables(
  tables: readonly {
    title: string;
    header: readonly string[];
    rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
  }[],
  delimiter: CsvDelimiter = ',',
): string {
  return (
    BOM +
    tables
      .map((table) =>
        toCsv([table.title], [table.header, ...table.rows], delimiter).slice(BOM.length),
      )
      .join('\r\n')
  );
}
