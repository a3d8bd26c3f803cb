import { and, eq, sql } from 'drizzle-orm';
import type { ColumnMap, ImportEntity } from '../../schemas/import';
import type { Executor } from '../client';
import { importMappings } from '../schema';

/** The column maps a user last imported with, by entity. */
export async function loadImportMappings(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<Partial<Record<ImportEntity, ColumnMap>>> {
  const rows = await db
    .select({ entity: importMappings.entity, columns: importMappings.columns })
    .from(importMappings)
    .where(and(eq(importMappings.orgId, orgId), eq(importMappings.userId, userId)));
  return Object.fromEntries(rows.map((row) => [row.entity, row.columns]));
}

/** Replaces the user's column maps of these entities. */
export async function saveImportMappings(
  db: Executor,
  orgId: string,
  userId: string,
  mappings: { entity: ImportEntity; columns: ColumnMap }[],
): Promise<void> {
  if (mappings.length === 0) return;
  await db
    .insert(importMappings)
    .values(mappings.map((mapping) => ({ orgId, userId, ...mapping })))
    .onConflictDoUpdate({
      target: [importMappings.orgId, importMappings.userId, importMappings.entity],
      set: { columns: sql`excluded.columns`, updatedAt: sql`now()` },
    });
}
