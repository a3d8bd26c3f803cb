import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

// PGlite has no autovacuum, so nothing else ever refreshes its planner statistics; PostgreSQL's
// autovacuum gets there eventually, but not before the first dashboard after a bulk load. Without
// them the planner takes a table of a million deals for an empty one (docs/PERFORMANCE.md).

/** ANALYZE the tables a bulk load wrote (or the whole database when none are named). */
export async function refreshPlannerStatistics(
  db: Executor,
  tables: readonly string[] = [],
): Promise<void> {
  if (tables.length === 0) {
    await db.execute(sql`analyze`);
    return;
  }
  await db.execute(
    sql`analyze ${sql.join(
      tables.map((table) => sql.identifier(table)),
      sql`, `,
    )}`,
  );
}
