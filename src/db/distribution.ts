import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from './schema';

// How every table is placed when the schema is distributed by organisation on Citus
// (docs/SCALING.md). src/db/distribution.test.ts checks the migrated catalog against it: a
// table missing from here, or a key that would stop a table from being distributed, fails it.

export const TABLE_PLACEMENTS = ['distributed', 'reference', 'local'] as const;
export type TablePlacement = (typeof TABLE_PLACEMENTS)[number];

/** The column every distributed table is sharded on, first in each of its keys. */
export const DISTRIBUTION_COLUMN = 'org_id';

/**
 * - distributed: tenant data, sharded by org_id and co-located, so one organisation's rows of
 *   every table live on the same node and a statement filtered by org_id runs on one shard;
 * - reference: small, read everywhere, copied to every node (organisations, and the directory of
 *   what is looked up before the organisation is known);
 * - local: kept on the coordinator only (none in the public schema today; drizzle's migration
 *   journal lives in its own schema).
 */
export const TABLE_DISTRIBUTION: Readonly<Record<string, TablePlacement>> = {
  organisations: 'reference',
  email_directory: 'reference',
  token_directory: 'reference',
  territories: 'distributed',
  users: 'distributed',
  sessions: 'distributed',
  api_tokens: 'distributed',
  calendar_feeds: 'distributed',
  password_links: 'distributed',
  import_mappings: 'distributed',
  audit_log: 'distributed',
  segments: 'distributed',
  segment_norms: 'distributed',
  stages: 'distributed',
  activity_types: 'distributed',
  products: 'distributed',
  exchange_rates: 'distributed',
  accounts: 'distributed',
  contacts: 'distributed',
  opportunities: 'distributed',
  opportunity_stage_changes: 'distributed',
  opportunity_close_date_changes: 'distributed',
  activities: 'distributed',
  deal_plans: 'distributed',
  single_sales_objectives: 'distributed',
  buying_influences: 'distributed',
  response_mode_changes: 'distributed',
  competitors: 'distributed',
  action_steps: 'distributed',
  deal_plan_comments: 'distributed',
  strategies: 'distributed',
  strategy_segment_shares: 'distributed',
  strategy_assignments: 'distributed',
  team_plans: 'distributed',
  team_plan_items: 'distributed',
  rep_plans: 'distributed',
  rep_plan_versions: 'distributed',
  rep_plan_target_accounts: 'distributed',
  rep_plan_comments: 'distributed',
  check_ins: 'distributed',
  potential_criteria: 'distributed',
  account_criterion_values: 'distributed',
  key_accounts: 'distributed',
  key_account_model_versions: 'distributed',
  key_account_overrides: 'distributed',
  key_account_product_potentials: 'distributed',
  key_account_whitespace_versions: 'distributed',
  key_account_plans: 'distributed',
  key_account_relationships: 'distributed',
  key_account_objectives: 'distributed',
  key_account_steps: 'distributed',
  key_account_benchmarks: 'distributed',
  key_account_plan_reviews: 'distributed',
};

export function placementOf(table: string): TablePlacement | undefined {
  return Object.hasOwn(TABLE_DISTRIBUTION, table) ? TABLE_DISTRIBUTION[table] : undefined;
}

/** Every table of the Drizzle schema with the tables its foreign keys point to. */
export function schemaTables(): { name: string; references: string[] }[] {
  const values: unknown[] = Object.values(schema);
  return values
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      const references = config.foreignKeys
        .map((key) => getTableConfig(key.reference().foreignTable).name)
        .filter((name) => name !== config.name);
      return { name: config.name, references: [...new Set(references)].sort() };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The statements that distribute the schema on a Citus cluster, in an order Citus accepts:
 * reference tables first, then each distributed table after every table it references, all
 * co-located with the first one. Throws when a table of the schema is missing from the manifest.
 */
export function citusPlan(): string[] {
  const tables = schemaTables();
  const unplaced = tables.filter((table) => !placementOf(table.name)).map((t) => t.name);
  if (unplaced.length > 0) {
    throw new Error(`tables missing from TABLE_DISTRIBUTION: ${unplaced.join(', ')}`);
  }
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const referenced of byName.get(name)?.references ?? []) visit(referenced);
    visiting.delete(name);
    ordered.push(name);
  };
  // Reference tables first: distributed tables point to them, never the other way round.
  for (const table of tables.filter((t) => placementOf(t.name) === 'reference')) visit(table.name);
  for (const table of tables) visit(table.name);
  let anchor: string | undefined;
  return ordered.flatMap((name) => {
    const placement = placementOf(name);
    if (placement === 'reference') return [`SELECT create_reference_table('${name}');`];
    if (placement !== 'distributed') return [];
    const colocateWith = anchor ?? 'none';
    anchor ??= name;
    return [
      `SELECT create_distributed_table('${name}', '${DISTRIBUTION_COLUMN}', colocate_with => '${colocateWith}');`,
    ];
  });
}
