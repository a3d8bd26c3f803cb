import { z } from 'zod';
import { CRITERION_KINDS } from '../domain/key-accounts';
import {
  CRITERION_SOURCES,
  CUT_PERCENT_RANGE,
  KEY_ACCOUNT_OVERRIDES,
} from '../domain/key-accounts-model';
import { Id, IsoDateTime, NonBlank } from './common';
import { CsvExportQuery } from './csv-export';

// The scoring model, the ranking and the confirmation of the key-account list (DOMAIN.md, "Key
// accounts"), as the API reads and writes them and the web's forms validate them.

export const CriterionSource = z.enum(CRITERION_SOURCES);
export const CriterionKind = z.enum(CRITERION_KINDS);
export const KeyAccountOverrideDecision = z.enum(KEY_ACCOUNT_OVERRIDES);
export const CutPercent = z.number().int().min(CUT_PERCENT_RANGE.min).max(CUT_PERCENT_RANGE.max);

export const ScoringCriterionInput = z.object({
  /** Keep the id of a criterion that stays (its ratings stay with it); leave it out for a new one. */
  id: Id.optional(),
  name: NonBlank.max(100),
  source: CriterionSource,
  weight: z.number().gt(0, 'must be above 0').max(1000),
});
export type ScoringCriterionInput = z.infer<typeof ScoringCriterionInput>;

export const ScoringModelInput = z.object({
  criteria: z.array(ScoringCriterionInput).min(1, 'add at least one criterion').max(20),
  cutPercent: CutPercent.default(CUT_PERCENT_RANGE.default),
});
export type ScoringModelInput = z.infer<typeof ScoringModelInput>;

export const ScoringCriterion = z.object({
  id: Id,
  name: z.string(),
  source: CriterionSource,
  kind: CriterionKind,
  weight: z.number(),
});
export type ScoringCriterion = z.infer<typeof ScoringCriterion>;

export const ScoringModelVersion = z.object({
  version: z.number().int().min(1),
  cutPercent: CutPercent,
  criteria: z.array(ScoringCriterion),
  createdAt: IsoDateTime,
  createdByName: z.string().nullable(),
});
export type ScoringModelVersion = z.infer<typeof ScoringModelVersion>;

/** The model in use (version 0 and no criteria before the first save) and the earlier ones. */
export const ScoringModel = z.object({
  version: z.number().int().min(0),
  cutPercent: CutPercent,
  criteria: z.array(ScoringCriterion),
  canEdit: z.boolean(),
  history: z.array(ScoringModelVersion),
});
export type ScoringModel = z.infer<typeof ScoringModel>;

export const RatingsInput = z.object({
  ratings: z
    .array(
      z.object({
        criterionId: Id,
        /** 1–5; null clears the rating. */
        value: z
          .number('must be a number from 1 to 5')
          .int('must be a whole number from 1 to 5')
          .min(1, 'must be from 1 to 5')
          .max(5, 'must be from 1 to 5')
          .nullable(),
      }),
    )
    .min(1)
    .max(20),
});
export type RatingsInput = z.infer<typeof RatingsInput>;

/** The ranking's filters and page; `csv` answers every matching account as CSV. */
export const RankingQuery = CsvExportQuery.extend({
  ownerId: Id.optional(),
  segmentId: Id.optional(),
  territoryId: Id.optional(),
  /** Only the proposed or confirmed key accounts. */
  keyOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export const Contribution = z.object({
  criterionId: Id,
  criterion: z.string(),
  source: CriterionSource,
  /** The account's figure or rating; null when it has none (it then counts 0). */
  value: z.number().nullable(),
  normalised: z.number().min(0).max(1),
  weight: z.number(),
  /** weight · normalised / Σ weights: the contributions add up to the score. */
  contribution: z.number(),
});

export const RankingItem = z.object({
  accountId: Id,
  accountName: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  segmentId: Id.nullable(),
  territoryId: Id.nullable(),
  score: z.number().min(0).max(1),
  /** 1 + the number of accounts with a higher score: tied accounts share a rank. */
  rank: z.number().int().min(1),
  proposed: z.boolean(),
  confirmed: z.boolean(),
  /** Why a leader included it below the cut or excluded it above, when they did. */
  override: z.object({ decision: KeyAccountOverrideDecision, reason: z.string() }).nullable(),
  /** Whether the caller may enter its 1–5 ratings (PUT /api/key-accounts/ratings/{id}). */
  canRate: z.boolean(),
  contributions: z.array(Contribution),
});
export type RankingItem = z.infer<typeof RankingItem>;

const MovedAccount = z.object({
  accountId: Id,
  accountName: z.string(),
  score: z.number(),
  rank: z.number().int(),
});

export const Ranking = z.object({
  items: z.array(RankingItem),
  /** Accounts matching the filters (ranks and the cut are over the whole organisation). */
  total: z.number().int().min(0),
  cutPercent: CutPercent,
  modelVersion: z.number().int().min(0),
  fiscalYear: z.number().int(),
  /** How many accounts the organisation has and how many the cut proposes. */
  accountCount: z.number().int().min(0),
  proposedCount: z.number().int().min(0),
  confirmedCount: z.number().int().min(0),
  /** The model version the year's list was confirmed with; null before any confirmation. */
  confirmedModelVersion: z.number().int().nullable(),
  /** The proposal against the confirmed list: what would move in and out on confirming. */
  changes: z.object({ movedIn: z.array(MovedAccount), movedOut: z.array(MovedAccount) }),
  /**
   * The list `changes` is against: this year's confirmed one, or before it is confirmed last
   * year's (the annual review of the list); null when there is neither.
   */
  comparedWith: z
    .object({ fiscalYear: z.number().int(), count: z.number().int().min(1) })
    .nullable(),
  /**
   * This year's overrides that still depart from the proposal (an account included below the
   * cut, or excluded above it), among the accounts you may read: a confirmation sends its whole
   * set of overrides, so confirming again keeps these only if they are sent again.
   */
  standingOverrides: z.array(
    z.object({
      accountId: Id,
      accountName: z.string(),
      decision: KeyAccountOverrideDecision,
      reason: z.string(),
    }),
  ),
  criteria: z.array(ScoringCriterion),
});
export type Ranking = z.infer<typeof Ranking>;

export const ConfirmationInput = z.object({
  /** The model version the ranking was read with: a newer model is 409, to be looked at first. */
  modelVersion: z.number().int().min(1),
  overrides: z
    .array(
      z.object({
        accountId: Id,
        decision: KeyAccountOverrideDecision,
        reason: NonBlank.max(2_000),
      }),
    )
    .max(500)
    .default([]),
});
export type ConfirmationInput = z.infer<typeof ConfirmationInput>;

export const AccountRatings = z.object({
  accountId: Id,
  ratings: z.array(z.object({ criterionId: Id, value: z.number().int().min(1).max(5) })),
});
export type AccountRatings = z.infer<typeof AccountRatings>;
