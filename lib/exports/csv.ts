import { stringify } from "csv-stringify/sync";

/**
 * CSV with RFC 4180 quoting (csv-stringify) and a guard against formula
 * injection: a cell that a spreadsheet would evaluate (starting with = + - @,
 * or a tab/carriage return before one) is prefixed with an apostrophe.
 */
export function guardCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(guardCell))], { eof: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** Rows only (a later chunk of a streamed CSV). */
export function toCsvRows(rows: unknown[][]): string {
  return rows.length ? stringify(rows.map((r) => r.map(guardCell)), { eof: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ }) : "";
}
