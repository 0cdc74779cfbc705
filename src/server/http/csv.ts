/** CSV for spreadsheets (RFC 4180, CRLF line ends). */

// Excel only reads a CSV file as UTF-8 when it starts with a byte order mark.
const BOM = '\uFEFF';

type CsvDelimiter = ',' | ';';

function cell(
  value: string | number | boolean | null | undefined,
  delimiter: CsvDelimiter,
): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ (or a tab or CR) runs as a formula in Excel and LibreOffice
  // (OWASP "CSV injection"); a leading apostrophe keeps it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
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
  const lines = [header, ...rows].map((row) =>
    row.map((value) => cell(value, delimiter)).join(delimiter),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
