/**
 * A small CSV writer for the answers export: RFC 4180 records (CRLF between records, fields with
 * a comma, quote or line break in double quotes, quotes doubled), UTF-8 with a byte order mark so
 * Excel reads accents and non-Latin scripts correctly, and every cell defused against spreadsheet
 * formula injection.
 */

/** The UTF-8 byte order mark: without it Excel on Windows reads the file as the local code page. */
export const UTF8_BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and carriage return,
 * that some spreadsheets strip before looking for one). OWASP's advice for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as a spreadsheet should show it: text that would start a formula gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets read as "this is text". NOTE: this
 * changes the value by one character; the JSON export carries the answers untouched.
 */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteField(value: string): string {
  // Line breaks inside a cell are kept as LF; records are separated by CRLF.
  const text = value.replace(/\r\n?/g, "\n");
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: each field defused, then quoted when it needs to be. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((field) => quoteField(defuseFormula(field))).join(",");
}

/** A whole file: the byte order mark, a header record, then the rows, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${UTF8_BOM}${[header, ...rows].map((row) => `${csvRecord(row)}\r\n`).join("")}`;
}
