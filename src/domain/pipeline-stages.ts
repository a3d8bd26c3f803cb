import type { FieldIssue } from './errors';
import { STAGE_KINDS, type StageKind } from './opportunity';

// The rules of an organisation's own pipeline stages (DOMAIN.md, "Pipeline"): a won stage is
// certain and a lost one hopeless, and a pipeline always has somewhere to win and to lose a deal.

type StageShape = { kind: StageKind; probabilityPercent: number };

/** What is wrong with one stage's kind and probability, or null. */
export function stageProbabilityIssue(stage: StageShape): FieldIssue | null {
  if (stage.kind === 'won' && stage.probabilityPercent !== 100)
    return { field: 'probabilityPercent', reason: 'must be 100 for a won stage' };
  if (stage.kind === 'lost' && stage.probabilityPercent !== 0)
    return { field: 'probabilityPercent', reason: 'must be 0 for a lost stage' };
  return null;
}

/** The kinds no stage would have any more if the pipeline became `stages`. */
export function stageKindsMissing(stages: readonly StageShape[]): StageKind[] {
  return STAGE_KINDS.filter((kind) => !stages.some((stage) => stage.kind === kind));
}
