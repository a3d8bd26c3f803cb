import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ListResponse } from '../schemas/common';
import { CsvExportQuery } from '../schemas/csv-export';
import type { CsvExport } from '../services/csv-export';

// A list route answers CSV instead of JSON (issue #14) when the query names a CSV format or the
// Accept header prefers text/csv to application/json.

type Range = { type: string; subtype: string; q: number };

function rangesOf(accept: string): Range[] {
  return accept.split(',').flatMap((part) => {
    const [media = '', ...parameters] = part.trim().split(';');
    const [type = '', subtype = ''] = media.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const q = parameters
      .map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    return [{ type, subtype, q: q === undefined ? 1 : Number(q) }];
  });
}

/** The quality the Accept header gives a media type: its most specific matching range's. */
function qualityOf(ranges: Range[], type: string, subtype: string): number {
  const exact = ranges.find((r) => r.type === type && r.subtype === subtype);
  const ofType = ranges.find((r) => r.type === type && r.subtype === '*');
  const any = ranges.find((r) => r.type === '*' && r.subtype === '*');
  return (exact ?? ofType ?? any)?.q ?? 0;
}

/** Whether `Accept` prefers CSV; JSON wins ties (`*\/*`, no header). */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = rangesOf(accept);
  const csv = qualityOf(ranges, 'text', 'csv');
  return csv > 0 && csv > qualityOf(ranges, 'application', 'json');
}

export function wantsCsv(request: FastifyRequest): boolean {
  return (
    CsvExportQuery.parse(request.query).csv !== undefined || prefersCsv(request.headers.accept)
  );
}

export async function sendCsv(reply: FastifyReply, file: CsvExport) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.stream);
}

/** Answers the list as CSV when the request asks for it (wantsCsv), else as JSON; either way
 * the answer varies by Accept, so a cache keeps the two apart. */
export async function sendJsonOrCsv<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  answers: { csv: () => Promise<CsvExport>; json: () => Promise<T> },
) {
  void reply.header('vary', 'Accept');
  if (wantsCsv(request)) return sendCsv(reply, await answers.csv());
  return answers.json();
}

const CSV_GUARD =
  "in the list order; cells starting with = + - @ are prefixed with '. `csv=excel` adds a BOM; " +
  '`csv=excel-semicolon` also uses ; and a decimal comma.';

/** A 200 in OpenAPI: `json`, or with `Accept: text/csv` (or `?csv=`) every match as CSV. */
export function JsonOrCsvResponse<T extends z.ZodType>(json: T, header: string) {
  return {
    description: 'The list as JSON, or with `Accept: text/csv` (or `?csv=`) every match as CSV',
    content: {
      'application/json': { schema: json },
      'text/csv': {
        schema: z
          .string()
          .describe(`UTF-8 CSV, ${header}, then every row the filters match, ${CSV_GUARD}`),
      },
    },
  };
}

/** A list's 200 in OpenAPI: the JSON page, or the whole list as CSV that imports back. */
export function ListOrCsvResponse<T extends z.ZodType>(item: T) {
  return {
    ...JsonOrCsvResponse(
      ListResponse(item),
      'a header row of the generic import fields (docs/IMPORT.md)',
    ),
    description: 'The page as JSON, or with `Accept: text/csv` (or `?csv=`) every match as CSV',
  };
}

/** A plan list's 200 in OpenAPI: CSV with columns named for a reader, which does not import. */
export function PlanListOrCsvResponse<T extends z.ZodType>(json: T) {
  return JsonOrCsvResponse(
    json,
    'a header row of columns named for a reader (states in words, money in the ' +
      "organisation's currency, days in its time zone)",
  );
}
