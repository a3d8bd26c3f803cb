import { z } from 'zod';
import { ListCursor } from './list-cursor';
import { CsvExportQuery } from './csv-export';
import {
  AmountMinor,
  Currency,
  Id,
  IsoDate,
  IsoDateTime,
  NonBlank,
  OptionalText,
  PageQuery,
  PickedId,
} from './common';
import { StageKind } from './reference';
import { PIPELINE_FLAGS, PLAN_FILTERS } from '../domain/pipeline-flags';
import { UnconvertedMoney } from './exchange-rates';

export const OpportunityInput = z.object({
  name: NonBlank.max(300),
  accountId: Id.nullable().optional(),
  // Defaults to the signed-in user.
  ownerId: Id.optional(),
  productId: Id.nullable().optional(),
  amountMinor: AmountMinor.default(0),
  currency: Currency.optional(),
  stageId: PickedId('a stage'),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  // Defaults to today.
  createdOn: IsoDate.optional(),
  expectedCloseOn: IsoDate.nullable().optional(),
  // Set to today when the stage is won or lost and no date is given.
  closedOn: IsoDate.nullable().optional(),
  nextStep: OptionalText,
});
export type OpportunityInput = z.infer<typeof OpportunityInput>;

export const OpportunityPatch = OpportunityInput.partial();
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const StageChange = z.object({
  fromStageId: Id.nullable(),
  fromStageName: z.string().nullable(),
  toStageId: Id,
  toStageName: z.string(),
  changedOn: IsoDate,
  changedByName: z.string().nullable(),
});
export type StageChange = z.infer<typeof StageChange>;

export const Opportunity = z.object({
  id: Id,
  name: z.string(),
  externalId: z.string().nullable(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  ownerId: Id,
  ownerName: z.string(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: Currency,
  stageId: Id,
  stageName: z.string(),
  stageKind: StageKind,
  probabilityPercent: z.number().int(),
  createdOn: IsoDate,
  expectedCloseOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  nextStep: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityDetail = Opportunity.extend({ stageHistory: z.array(StageChange) });
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

export const OpportunityListQuery = PageQuery.extend(CsvExportQuery.shape).extend({
  after: ListCursor.optional(),
  q: z.string().trim().optional(),
  ownerId: Id.optional(),
  accountId: Id.optional(),
  productId: Id.optional(),
  stageId: Id.optional(),
  status: StageKind.optional(),
  closedFrom: IsoDate.optional(),
  closedTo: IsoDate.optional(),
  // The dashboards' drill-down (schemas/dashboards.ts DashboardFilters): a team (the owner's
  // manager), the account's segment, the owner's territory, a creation period and a flag.
  managerId: Id.optional(),
  segmentId: Id.optional(),
  territoryId: Id.optional(),
  createdFrom: IsoDate.optional(),
  createdTo: IsoDate.optional(),
  /** Open deals that carry the flag today, as the dashboards count them. */
  flag: z.enum(PIPELINE_FLAGS).optional(),
  /** Deals with a deal plan, without one, or whose plan has an error finding today. */
  plan: z.enum(PLAN_FILTERS).optional(),
  sort: z
    .enum(['name', 'amountMinor', 'createdOn', 'expectedCloseOn', 'closedOn', 'updatedAt'])
    .default('updatedAt'),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

/** The list's filters without its paging, sort and format: what the summary adds up. */
export const OpportunitySummaryQuery = OpportunityListQuery.omit({
  page: true,
  pageSize: true,
  order: true,
  after: true,
  csv: true,
  sort: true,
});
export type OpportunitySummaryQuery = z.infer<typeof OpportunitySummaryQuery>;

/** Every deal the filters keep (not one page): count, value and weighted value. */
export const OpportunitySummary = z.object({
  count: z.number().int().min(0),
  /** The organisation's currency, in which the values are. */
  currency: Currency,
  /** Σ amounts converted at the close month's rate (open deals: this month's), as the dashboards. */
  valueMinor: z.number().int(),
  /** Σ converted amount × the stage's win probability, rounded once. */
  weightedValueMinor: z.number().int(),
  /** Deals in a currency without a rate: counted, left out of the values, per currency. */
  unconverted: z.array(UnconvertedMoney),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;
