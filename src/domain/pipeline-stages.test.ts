import { describe, expect, it } from 'vitest';
import { stageKindsMissing, stageProbabilityIssue } from './pipeline-stages';

describe('pipeline stages', () => {
  it('holds a won stage at 100% and a lost one at 0%, an open one anywhere', () => {
    expect(stageProbabilityIssue({ kind: 'won', probabilityPercent: 90 })).toEqual({
      field: 'probabilityPercent',
      reason: 'must be 100 for a won stage',
    });
    expect(stageProbabilityIssue({ kind: 'lost', probabilityPercent: 5 })).toEqual({
      field: 'probabilityPercent',
      reason: 'must be 0 for a lost stage',
    });
    expect(stageProbabilityIssue({ kind: 'won', probabilityPercent: 100 })).toBeNull();
    expect(stageProbabilityIssue({ kind: 'open', probabilityPercent: 0 })).toBeNull();
  });

  it('names the kinds a pipeline would lack', () => {
    expect(
      stageKindsMissing([
        { kind: 'open', probabilityPercent: 10 },
        { kind: 'won', probabilityPercent: 100 },
      ]),
    ).toEqual(['lost']);
    expect(stageKindsMissing([])).toEqual(['open', 'won', 'lost']);
  });
});
