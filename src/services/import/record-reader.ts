import type { IsoDate } from '../../domain/calendar';
import type { ImportProblem, ValueFormat } from '../../schemas/import';
import type { SourceRecord } from './csv-reader';
import { type Parsed, parseCount, parseDate, parseMoney } from './values';

// Reads one record's fields by the rules of values.ts, collecting every problem of the record
// (not only the first), each naming the file, line and source column.

export class RecordReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    readonly record: SourceRecord,
    private readonly format: ValueFormat,
  ) {}

  fail(field: string, reason: string): void {
    this.problems.push({
      file: this.record.file,
      line: this.record.line,
      column: this.record.columns[field] ?? field,
      reason,
    });
  }

  text(field: string): string | null {
    return this.record.values[field] ?? null;
  }

  required(field: string, what = field): string {
    const value = this.record.values[field];
    if (value === undefined) {
      this.fail(field, `${what} is missing`);
      return '';
    }
    return value;
  }

  private parsed<T>(field: string, parse: (text: string) => Parsed<T>): T | null {
    const text = this.record.values[field];
    if (text === undefined) return null;
    const result = parse(text);
    if ('reason' in result) {
      this.fail(field, result.reason);
      return null;
    }
    return result.value;
  }

  date(field: string): IsoDate | null {
    return this.parsed(field, (text) => parseDate(text, this.format));
  }

  money(field: string, currency: string): number | null {
    return this.parsed(field, (text) => parseMoney(text, currency, this.format));
  }

  count(field: string): number | null {
    return this.parsed(field, (text) => parseCount(text, this.format));
  }

  /** One of a closed set, matched case-insensitively, with synonyms; a problem otherwise. */
  oneOf<T extends string>(
    field: string,
    allowed: readonly T[],
    synonyms: Record<string, T> = {},
  ): T | null {
    const text = this.record.values[field];
    if (text === undefined) return null;
    const key = text.toLowerCase();
    const found = allowed.find((value) => value === key) ?? synonyms[key];
    if (found === undefined) this.fail(field, `"${text}" is not one of ${allowed.join(', ')}`);
    return found ?? null;
  }

  /** Resolves a user by external id, email or name (loadUserReferences), as CRM exports give owners. */
  userReference(field: string, users: ReadonlyMap<string, string>): string | null {
    const text = this.record.values[field];
    if (text === undefined) return null;
    const id = findUser(users, text);
    if (id === undefined) this.fail(field, `no user with the id, email or name "${text}"`);
    return id ?? null;
  }

  /** Resolves a reference to an imported or existing record by its external id. */
  reference(field: string, ids: ReadonlyMap<string, string>, what: string): string | null {
    const text = this.record.values[field];
    if (text === undefined) return null;
    const id = ids.get(text);
    if (id === undefined) this.fail(field, `no ${what} with the id "${text}"`);
    return id ?? null;
  }
}

/** A user of `users` (external id, or email or name in any case) named by `text`. */
export function findUser(users: ReadonlyMap<string, string>, text: string): string | undefined {
  return users.get(text) ?? users.get(text.trim().toLowerCase());
}
