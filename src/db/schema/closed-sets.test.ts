import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES } from '../../domain/account';
import { ACTIVITY_STATUSES } from '../../domain/activity';
import {
  CRITERION_KINDS,
  KEY_ACCOUNT_OBJECTIVE_TERMS,
  KEY_ACCOUNT_STEP_STATUSES,
} from '../../domain/key-accounts';
import { FUNNEL_INPUT_SOURCES } from '../../domain/funnel-ratios';
import { STAGE_KINDS } from '../../domain/opportunity';
import {
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  REP_PLAN_STATES,
  SIGNING_PARTIES,
} from '../../domain/rep-plan-states';
import { ROLES } from '../../domain/roles';
import { SEASONALITY_SOURCES } from '../../domain/seasonality';
import {
  ORGANISATION_MODELS,
  REP_MODELS,
  SPECIALISED_SPLITS,
  TERRITORY_SPLITS,
} from '../../domain/strategy-cascade';
import { METRIC_COUNTS } from '../../domain/team-plan-metrics';
import { TEAM_GOAL_AREAS, TEAM_PLAN_ITEM_KINDS } from '../../domain/team-plans';
import { AccountStatus } from '../../schemas/accounts';
import { ActivityStatus } from '../../schemas/activities';
import { CascadeFile, CascadeRepFile } from '../../schemas/strategy-cascade';
import { StageKind } from '../../schemas/reference';
import {
  CheckInCadence,
  CheckInSummary,
  RepPlanFunnel,
  RepPlanState,
  SignatureInput,
} from '../../schemas/rep-plans';
import { Role } from '../../schemas/session';
import { OrganisationModel, SeasonalityKind, SegmentNormInput } from '../../schemas/strategies';
import { MetricCount, TeamGoalInput } from '../../schemas/team-plans';
import { accounts } from './accounts';
import { activities } from './activities';
import { keyAccountObjectives, keyAccountSteps, potentialCriteria } from './key-accounts';
import { checkIns, repPlans } from './rep-plans';
import { segmentNorms } from './segments';
import { stages } from './stages';
import { strategies } from './strategies';
import { teamPlanItems } from './team-plans';
import { users } from './users';

// Each closed set is declared once in src/domain; the API's enums and the tables' columns are
// built from it (the check constraints too: `drizzle-kit generate` finds nothing to change).

describe('closed sets', () => {
  it.each([
    ['roles', ROLES, [Role.options, users.role.enumValues]],
    ['stage kinds', STAGE_KINDS, [StageKind.options, stages.kind.enumValues]],
    [
      'account statuses',
      ACCOUNT_STATUSES,
      [
        AccountStatus.options,
        SegmentNormInput.shape.accountStatus.options,
        accounts.status.enumValues,
        segmentNorms.accountStatus.enumValues,
      ],
    ],
    [
      'activity statuses',
      ACTIVITY_STATUSES,
      [ActivityStatus.options, activities.status.enumValues],
    ],
    ['rep-plan states', REP_PLAN_STATES, [RepPlanState.options, repPlans.state.enumValues]],
    ['check-in cadences', CHECK_IN_CADENCES, [CheckInCadence.options, repPlans.cadence.enumValues]],
    [
      'check-in statuses',
      CHECK_IN_STATUSES,
      [CheckInSummary.shape.status.options, checkIns.status.enumValues],
    ],
    ['signing parties', SIGNING_PARTIES, [SignatureInput.shape.as.options]],
    [
      'funnel input sources',
      FUNNEL_INPUT_SOURCES,
      [RepPlanFunnel.shape.sources.valueType.shape.source.options],
    ],
    [
      'organisation models',
      ORGANISATION_MODELS,
      [OrganisationModel.options, CascadeFile.shape.model.options, strategies.model.enumValues],
    ],
    ['rep models', REP_MODELS, [CascadeRepFile.shape.model.unwrap().options]],
    ['territory splits', TERRITORY_SPLITS, [CascadeFile.shape.territorySplit.unwrap().options]],
    [
      'specialised splits',
      SPECIALISED_SPLITS,
      [CascadeFile.shape.specialisedSplit.unwrap().options],
    ],
    [
      'seasonality sources',
      SEASONALITY_SOURCES,
      [SeasonalityKind.options, strategies.seasonalityKind.enumValues],
    ],
    ['team-plan item kinds', TEAM_PLAN_ITEM_KINDS, [teamPlanItems.kind.enumValues]],
    [
      'team goal areas',
      TEAM_GOAL_AREAS,
      [TeamGoalInput.shape.area.options, teamPlanItems.area.enumValues],
    ],
    [
      'team-plan metric counts',
      METRIC_COUNTS,
      [MetricCount.options, teamPlanItems.metricCounts.enumValues],
    ],
    [
      'account statuses of a team-plan metric',
      ACCOUNT_STATUSES,
      [teamPlanItems.metricAccountStatus.enumValues],
    ],
    ['criterion kinds', CRITERION_KINDS, [potentialCriteria.kind.enumValues]],
    [
      'key-account objective terms',
      KEY_ACCOUNT_OBJECTIVE_TERMS,
      [keyAccountObjectives.term.enumValues],
    ],
    ['key-account step statuses', KEY_ACCOUNT_STEP_STATUSES, [keyAccountSteps.status.enumValues]],
  ] as const)(
    'builds the API enums and the columns of %s from the domain array',
    (_, domain, uses) => {
      for (const values of uses) expect(values).toEqual([...domain]);
    },
  );
});
