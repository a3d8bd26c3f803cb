import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import {
  type CsvDialect,
  type CsvFormat,
  csvDecimal,
  csvDialectOf,
  neutraliseFormula,
} from '../domain/csv-export';
import { minorToMajor } from '../domain/money';
import { currencyFractionDigits } from '../domain/money-format';
import { type ImportEntity, importFields } from '../schemas/import';

// A list as a CSV file (issue #14), streamed: rows come a keyset page at a time from the
// database and leave as soon as they are written, so memory stays flat whatever the list's size.
// The first columns are the generic import's fields, named as it names them, so the file imports
// back unchanged; a few columns for people reading it (names for ids) follow, which it ignores.

type Cell<Row> = (row: Row, dialect: CsvDialect) => string | number | null;

export type CsvColumns<Row, E extends ImportEntity> = {
  entity: E;
  /** The import's fields, in its order (schemas/import.ts importFields). */
  imported: Partial<Record<(typeof importFields)[E][number], Cell<Row>>>;
  /** Columns for the reader, after the imported ones; the import leaves them alone. */
  readable: Record<string, Cell<Row>>;
};

/** A list that does not import back (plans, the ranking): columns named for the reader, in order. */
export type ReadableCsvColumns<Row> = { readable: Record<string, Cell<Row>> };

/** The export: a file name for the download and the CSV text as a stream. */
export type CsvExport = { fileName: string; stream: Readable };

function headersOf<Row, E extends ImportEntity>(
  columns: CsvColumns<Row, E> | ReadableCsvColumns<Row>,
) {
  const imported =
    'entity' in columns
      ? importFields[columns.entity]
          .filter((field) => field in columns.imported)
          .map(
            (field) => [field, columns.imported[field as keyof typeof columns.imported]] as const,
          )
      : [];
  return [...imported, ...Object.entries(columns.readable)] as [string, Cell<Row>][];
}

/** Every row of the pages as CSV in `format`, the header first; cells that a spreadsheet would
 * run as a formula are neutralised. */
export function csvStream<Row, E extends ImportEntity>(
  pages: AsyncIterable<Row[]>,
  columns: CsvColumns<Row, E> | ReadableCsvColumns<Row>,
  format: CsvFormat,
): Readable {
  const dialect = csvDialectOf(format);
  const cells = headersOf(columns);
  async function* records() {
    // A header can be a name someone typed (a scoring criterion's): guarded like any cell.
    yield cells.map(([header]) => neutraliseFormula(header));
    for await (const page of pages) {
      for (const row of page) {
        yield cells.map(([, cell]) => {
          const value = cell(row, dialect);
          return value === null ? '' : neutraliseFormula(String(value));
        });
      }
    }
  }
  const stringifier = stringify({
    delimiter: dialect.delimiter,
    bom: dialect.bom,
    record_delimiter: 'windows',
  });
  // A failing page destroys the output: the download ends short instead of passing as whole.
  pipeline(Readable.from(records()), stringifier, () => {});
  return stringifier;
}

/** A list already in memory (a ranking, the plans of a year) in pages, so the CSV still leaves
 * a page at a time rather than as one string. */
export async function* inPages<Row>(rows: readonly Row[], size = 500): AsyncIterable<Row[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** Money as a plain decimal in the organisation's currency (what the import reads); another
 * currency gets its code after the number, so the import refuses it rather than misreading it
 * and a spreadsheet does not add it to the others. */
export function moneyCell(
  amountMinor: number | null,
  currency: string,
  organisationCurrency: string,
  dialect: CsvDialect,
): string | null {
  if (amountMinor === null) return null;
  const major = minorToMajor(amountMinor, currencyFractionDigits(currency));
  const amount = csvDecimal(major, dialect.decimalSeparator);
  return currency === organisationCurrency ? amount : `${amount} ${currency}`;
}

/** `opportunities-2026-12-01.csv`. */
export function csvFileName(list: string, today: string): string {
  return `${list}-${today}.csv`;
}
