import type { EntityCounts, ImportNote, ImportProblem } from '../../schemas/import';

// What an import tells its user: counts per entity, the quirks it handled (counted, with what it
// did about them), and every rejected row with its file, line, column and reason.

export class ImportLog {
  readonly problems: ImportProblem[] = [];
  readonly counts = new Map<string, EntityCounts>();
  private readonly notes = new Map<string, ImportNote>();

  /** Counts one more occurrence of a quirk; the message says what the import did about it. */
  note(code: string, message: string, count = 1): void {
    const existing = this.notes.get(code);
    if (existing) existing.count += count;
    else this.notes.set(code, { code, message, count });
  }

  problem(problem: ImportProblem): void {
    this.problems.push(problem);
  }

  countsOf(entity: string): EntityCounts {
    let counts = this.counts.get(entity);
    if (!counts) {
      counts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
      this.counts.set(entity, counts);
    }
    return counts;
  }

  noteList(): ImportNote[] {
    return [...this.notes.values()];
  }
}

/** A thrown problem list for the rows of one record: the caller rejects the record. */
export type RowOutcome<Row> = { row: Row } | { problems: ImportProblem[] };
