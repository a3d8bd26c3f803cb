// How a list leaves the app as CSV (issue #14): the dialects a spreadsheet reads, and the guard
// against formula injection. The import (services/import/csv-reader.ts) undoes the guard, so an
// export imports back unchanged.

/**
 * `plain`: UTF-8, commas, decimal point (RFC 4180, what the import reads by default).
 * `excel`: the same with a byte-order mark, so Excel reads the accents as UTF-8.
 * `excel-semicolon`: BOM, `;` between cells and a decimal comma, as Excel expects it in
 * comma-decimal locales (German, French, …).
 */
export const CSV_FORMATS = ['plain', 'excel', 'excel-semicolon'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

export type CsvDialect = { bom: boolean; delimiter: ',' | ';'; decimalSeparator: '.' | ',' };

export function csvDialectOf(format: CsvFormat): CsvDialect {
  switch (format) {
    case 'plain':
      return { bom: false, delimiter: ',', decimalSeparator: '.' };
    case 'excel':
      return { bom: true, delimiter: ',', decimalSeparator: '.' };
    case 'excel-semicolon':
      return { bom: true, delimiter: ';', decimalSeparator: ',' };
  }
}

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV injection").
// Apostrophes before it count too, so that a cell that already reads `'=1` survives the round trip.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`: a leading apostrophe makes the cell text in a spreadsheet. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula`: `'=1` → `=1`; any other cell, `'tis` included, stays as it is. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** 123456 minor units with 2 digits → `1234.56` (or `1234,56`): no grouping, so a sheet reads a number. */
export function csvDecimal(
  major: string,
  decimalSeparator: CsvDialect['decimalSeparator'],
): string {
  return decimalSeparator === '.' ? major : major.replace('.', ',');
}
