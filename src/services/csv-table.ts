import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError } from '../domain/errors';

/** One CSV record with the file line it starts on, for messages that name the line. */
export type CsvTableRecord = { record: string[]; info: { lines: number } };

/**
 * Reads a small CSV table held in memory (a rate table, a revenue history): quotes and a BOM
 * allowed, cells trimmed, blank lines skipped. A malformed file is a ValidationError on `field`.
 */
export function readCsvTable(text: string, field: string): CsvTableRecord[] {
  try {
    return parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as CsvTableRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new ValidationError({ field, reason: error.message });
    throw error;
  }
}
