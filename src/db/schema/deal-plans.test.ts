import { describe, expect, it } from 'vitest';
import {
  ACTION_STEP_STATUSES,
  BUYING_INFLUENCE_ROLES,
  COMPETITOR_KINDS,
  INFLUENCE_LEVELS,
  OBJECTIVE_STATUSES,
  RESPONSE_MODES,
} from '../../domain/deal-plan';
import { actionSteps, buyingInfluences, competitors, singleSalesObjectives } from './deal-plans';
import {
  ActionStepStatus,
  BuyingInfluenceRole,
  CompetitorInput,
  CompetitorKind,
  InfluenceLevel,
  ObjectiveStatus,
  ResponseMode,
} from '../../schemas/deal-plans';

describe('deal-plan closed sets', () => {
  it('builds the API enums and the table columns from the domain arrays', () => {
    const sets = [
      [OBJECTIVE_STATUSES, ObjectiveStatus.options, singleSalesObjectives.status.enumValues],
      [BUYING_INFLUENCE_ROLES, BuyingInfluenceRole.options, buyingInfluences.role.enumValues],
      [INFLUENCE_LEVELS, InfluenceLevel.options, buyingInfluences.influence.enumValues],
      [RESPONSE_MODES, ResponseMode.options, buyingInfluences.responseMode.enumValues],
      [COMPETITOR_KINDS, CompetitorKind.options, competitors.kind.enumValues],
      [ACTION_STEP_STATUSES, ActionStepStatus.options, actionSteps.status.enumValues],
    ] as const;
    for (const [domain, api, column] of sets) {
      expect(api).toEqual([...domain]);
      expect(column).toEqual([...domain]);
    }
  });

  it('asks a named competitor for a name, in the words of the domain rule', () => {
    const result = CompetitorInput.safeParse({ kind: 'competitor', name: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['name'], 'a named competitor needs a name'],
    ]);
    expect(CompetitorInput.safeParse({ kind: 'do_nothing' }).success).toBe(true);
  });
});
