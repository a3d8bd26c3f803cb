import { z } from 'zod';
import { CSV_FORMATS } from '../domain/csv-export';

// Every list route answers CSV (issue #14) to `Accept: text/csv`, or to `?csv=<format>` for a
// link a browser can download without setting headers. The list's own filters and sort apply;
// its paging does not: the file holds every matching row.

export const CsvFormat = z.enum(CSV_FORMATS);

export const CsvExportQuery = z.object({
  /** `excel` adds a byte-order mark; `excel-semicolon` also separates with `;` and a decimal comma. */
  csv: CsvFormat.optional(),
});
export type CsvExportQuery = z.infer<typeof CsvExportQuery>;
