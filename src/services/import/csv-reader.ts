import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { restoreFormula } from '../../domain/csv-export';
import { isReportFooter } from '../../domain/csv-report-footer';
import { ValidationError } from '../../domain/errors';
import type { ColumnMap, ImportProblem } from '../../schemas/import';
import type { ImportLog } from './report';

// Streams a CSV file record by record (csv-parse): memory stays flat whatever the file's size.

/** A CSV file to read, from disk or from an upload; `open` may be called more than once. */
export type CsvSource = { name: string; open(): Readable };

export function fileSource(name: string, filePath: string): CsvSource {
  return { name, open: () => fs.createReadStream(filePath) };
}

export function textSource(name: string, content: string): CsvSource {
  return { name, open: () => Readable.from([content]) };
}

/** One CSV record, its cells keyed by the Salesplan field they map to. */
export type SourceRecord = {
  file: string;
  /** The line the record starts on (the header is line 1). */
  line: number;
  /** Field → the cell's text, trimmed; blank cells are absent. */
  values: Partial<Record<string, string>>;
  /** Field → the header it came from, for problem reports. */
  columns: Readonly<Record<string, string>>;
};

export type SourceItem = { record: SourceRecord } | { problem: ImportProblem };

function parser() {
  return parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true });
}

type ParsedRecord = { record: string[]; info: { lines: number; empty_lines: number } };

/**
 * The source's records as csv-parse reads them. An error opening or reading the file rejects the
 * iteration as a ValidationError naming the file: `.pipe()` would drop it, leaving the parser (and
 * the import) waiting forever.
 */
function parsedRecords(source: CsvSource): Readable {
  const input = source.open();
  const output = parser();
  // Before pipeline's own listener, so the parser is destroyed with the error that names the file.
  input.once('error', (error) => {
    output.destroy(
      new ValidationError({ field: source.name, reason: `cannot be read (${error.message})` }),
    );
  });
  // Also closes the file when the reader stops early (a preview, or an error further on).
  pipeline(input, output, () => {});
  return output;
}

/** The records, with a CSV that cannot be parsed (a quote never closed) a ValidationError. */
async function* recordsOf(source: CsvSource): AsyncGenerator<ParsedRecord> {
  const stream = parsedRecords(source);
  try {
    for await (const parsed of stream as AsyncIterable<ParsedRecord>) yield parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ValidationError({
      field: source.name,
      reason: `is not a readable CSV file (${error.message})`,
    });
  } finally {
    stream.destroy();
  }
}

/** The header row and up to `limit` records as they are, for the web page's preview. */
export async function previewCsv(
  source: CsvSource,
  limit: number,
): Promise<{ headers: string[]; rows: string[][] }> {
  const rows: string[][] = [];
  for await (const { record } of recordsOf(source)) {
    rows.push(record);
    if (rows.length > limit) break;
  }
  const [headers = [], ...rest] = rows;
  return { headers: headers.map((header) => header.trim()), rows: rest };
}

/**
 * Reads the file's records mapped to fields by `columns` (field → header). A header named in the
 * map but missing from the file is a ValidationError; a record with the wrong number of cells is
 * a problem on its line, unless the file's last such lines are a report's footer
 * (domain/csv-report-footer.ts): those are counted in `log`'s notes, when there is a log.
 * Byte-order marks, CRLF line ends and line breaks inside quoted cells are csv-parse's.
 */
export async function* readMappedCsv(
  source: CsvSource,
  columns: ColumnMap,
  log?: ImportLog,
): AsyncGenerator<SourceItem> {
  let indexes: [string, number][] | null = null;
  let headerCount = 0;
  let previousEnd = 0;
  let previousEmpty = 0;
  // Records with the wrong number of cells, held until a full row shows they are not a footer.
  let short: { line: number; record: string[] }[] = [];
  const problemsOf = (held: typeof short): SourceItem[] =>
    held.map(({ line, record }) => ({
      problem: {
        file: source.name,
        line,
        column: '',
        reason: `has ${record.length} cells, the header has ${headerCount}`,
      },
    }));
  // csv-parse counts a CRLF inside a quoted cell as two lines; an editor shows one.
  let extraLines = 0;
  for await (const { record, info } of recordsOf(source)) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty) - extraLines;
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    extraLines += crlfsInside(record);
    if (indexes === null) {
      const headers = record.map((header) => header.trim());
      headerCount = headers.length;
      indexes = resolveHeaders(source.name, headers, columns);
      continue;
    }
    if (record.length !== headerCount) {
      short.push({ line, record });
      continue;
    }
    if (short.length > 0) {
      yield* problemsOf(short);
      short = [];
    }
    const values: Record<string, string> = {};
    let nulField: string | null = null;
    for (const [field, index] of indexes) {
      // A Salesplan export neutralised formulas ('=…); the import takes the text back.
      const cell = restoreFormula((record[index] ?? '').trim());
      if (cell.includes('\u0000')) nulField = field;
      if (cell !== '') values[field] = cell;
    }
    // PostgreSQL text cannot hold a NUL character: the row is refused, not the database's error.
    if (nulField !== null) {
      const column = columns[nulField] ?? nulField;
      yield { problem: { file: source.name, line, column, reason: 'contains a NUL character' } };
      continue;
    }
    yield { record: { file: source.name, line, values, columns } };
  }
  if (log && isReportFooter(short.map((held) => held.record))) {
    log.note(
      'report-footer',
      "lines of a report's footer (its title, copyright, Generated By): not rows, left out",
      short.length,
    );
  } else yield* problemsOf(short);
  if (indexes === null) {
    throw new ValidationError({ field: source.name, reason: 'the file is empty (no header row)' });
  }
}

function crlfsInside(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    for (let at = cell.indexOf('\r\n'); at !== -1; at = cell.indexOf('\r\n', at + 2)) count += 1;
  }
  return count;
}

function resolveHeaders(file: string, headers: string[], columns: ColumnMap): [string, number][] {
  const missing: string[] = [];
  const indexes: [string, number][] = [];
  for (const [field, header] of Object.entries(columns)) {
    const index = headers.findIndex((name) => name.toLowerCase() === header.toLowerCase());
    if (index === -1) missing.push(header);
    else indexes.push([field, index]);
  }
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((header) => ({
        field: `${file}: ${header}`,
        reason: `no such column (the file has ${headers.join(', ')})`,
      })),
    );
  }
  return indexes;
}
