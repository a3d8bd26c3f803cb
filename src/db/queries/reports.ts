import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { convertedAmountJoin, convertedMinor } from './money';
import type { OpportunityOutcome, StageKind } from '../../domain/opportunity';
import type { ActivityStatus } from '../../domain/activity';

// Row readers for the KPI reports: plain rows in the domain's shapes (src/domain/opportunity.ts),
// with the ids a report groups by and the names it shows. The arithmetic stays in the domain
// functions; the conversion into the organisation's currency is done here (./money.ts).

export type ReportOpportunityRow = {
  id: string;
  ownerId: string;
  productId: string;
  accountId: string;
  /** The deal's own amount, in `currency`. */
  amountMinor: number;
  currency: string;
  /** The amount in the organisation's currency; null when `currency` has no rate. */
  convertedMinor: number | null;
  stageId: string;
  createdOn: string;
  expectedClose: string | null;
  closedOn: string | null;
  outcome: OpportunityOutcome | null;
  ownerName: string;
  productName: string | null;
  managerId: string | null;
  managerName: string | null;
  territoryId: string | null;
  territoryName: string | null;
  lastActivityOn: string | null;
  hasNextStep: boolean;
};

type RawOpportunity = Omit<ReportOpportunityRow, 'amountMinor' | 'convertedMinor' | 'outcome'> & {
  amountMinor: number | string | bigint;
  convertedMinor: number | string | bigint | null;
  kind: StageKind;
};

/**
 * The organisation's opportunities with owner, product, manager and territory, each amount also
 * converted into the organisation's currency (open deals at the rate of `today`'s month).
 */
export async function readOpportunityRows(
  db: Executor,
  orgId: string,
  today: string,
): Promise<ReportOpportunityRow[]> {
  const rows = await queryRows<RawOpportunity>(
    db,
    sql`select o.id, o.owner_id as "ownerId", coalesce(o.product_id::text, '') as "productId",
        coalesce(o.account_id::text, '') as "accountId", o.amount_minor as "amountMinor",
        o.currency, ${convertedMinor} as "convertedMinor",
        o.stage_id as "stageId", o.created_on::text as "createdOn",
        o.expected_close_on::text as "expectedClose", o.closed_on::text as "closedOn", s.kind,
        u.name as "ownerName", p.name as "productName", m.id as "managerId",
        m.name as "managerName", t.id as "territoryId", t.name as "territoryName", o.next_step is not null and o.next_step <> '' as "hasNextStep",
        (select max(a.occurs_on)::text from activities a
          where a.org_id = o.org_id and a.opportunity_id = o.id and a.status = 'done') as "lastActivityOn"
      from opportunities o
      join stages s on s.org_id = o.org_id and s.id = o.stage_id
      join users u on u.org_id = o.org_id and u.id = o.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      left join products p on p.org_id = o.org_id and p.id = o.product_id
      ${convertedAmountJoin(today)}
      where o.org_id = ${orgId}
      order by o.id`,
  );
  return rows.map(({ kind, amountMinor, convertedMinor: converted, ...row }) => ({
    ...row,
    amountMinor: Number(amountMinor),
    convertedMinor: converted === null ? null : Number(converted),
    outcome: kind === 'open' ? null : kind,
  }));
}

export type ReportStageRow = {
  id: string;
  name: string;
  order: number;
  winProbability: number;
  kind: StageKind;
};

export async function readStages(db: Executor, orgId: string): Promise<ReportStageRow[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    position: number;
    probability: number;
    kind: ReportStageRow['kind'];
  }>(
    db,
    sql`select id, name, position, probability_percent as probability, kind
      from stages where org_id = ${orgId} order by position`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    order: Number(row.position),
    winProbability: Number(row.probability) / 100,
    kind: row.kind,
  }));
}

/** Every expected close an opportunity has had, oldest first, by opportunity id. */
export async function readExpectedCloseHistory(
  db: Executor,
  orgId: string,
): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ id: string; dates: string[] }>(
    db,
    sql`select opportunity_id as id, array_agg(to_date::text order by changed_on, created_at) as dates
      from opportunity_close_date_changes where org_id = ${orgId} and to_date is not null
      group by opportunity_id`,
  );
  return new Map(rows.map((row) => [row.id, row.dates]));
}

export type ReportActivityRow = {
  ownerId: string;
  activityType: string;
  status: ActivityStatus;
  occursOn: string;
  ownerName: string;
  managerId: string | null;
  managerName: string | null;
  territoryId: string | null;
  territoryName: string | null;
};

export async function readActivityRows(db: Executor, orgId: string): Promise<ReportActivityRow[]> {
  return queryRows<ReportActivityRow>(
    db,
    sql`select a.owner_id as "ownerId", a.type as "activityType", a.status,
        a.occurs_on::text as "occursOn", u.name as "ownerName", m.id as "managerId",
        m.name as "managerName", t.id as "territoryId", t.name as "territoryName"
      from activities a
      join users u on u.org_id = a.org_id and u.id = a.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      where a.org_id = ${orgId}`,
  );
}
