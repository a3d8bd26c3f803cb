import type { Finding } from './findings';
import { funnelCounts } from './funnel-counts';
import type { FunnelInput } from './funnel-input';
import { wilsonInterval, Z_80 } from './proportions';

// A ratio from fewer than 20 closed deals (or 20 first meetings) is shown with the range the
// sample allows (Wilson 80% interval), the team's ratio, and the meetings needed at both ends.

/** Below this sample size a ratio gets a range and a small_sample finding. */
export const SMALL_SAMPLE = 20;

export type RatioRange = {
  ratio: 'closingRatio' | 'meetingToOpportunityRatio';
  successes: number;
  sampleSize: number;
  low: number;
  high: number;
  teamRatio: number | null;
  /** First meetings needed if the true ratio is the low end (more meetings). */
  firstMeetingsNeededAtLow: number | null;
  firstMeetingsNeededAtHigh: number | null;
};

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** Ranges for the ratios whose samples are small; pushes one small_sample finding per ratio. */
export function smallSampleRanges(
  input: FunnelInput,
  remainingGoalMinor: number,
  findings: Finding[],
): RatioRange[] {
  const average = input.averageDealMinor === 0 ? null : input.averageDealMinor;
  const samples = [
    {
      ratio: 'closingRatio' as const,
      label: 'closing ratio',
      unit: 'closed deals',
      sample: input.closingSample && {
        successes: input.closingSample.won,
        size: input.closingSample.won + input.closingSample.lost,
      },
      teamRatio: input.teamClosingRatio ?? null,
      meetingsAt: (value: number) =>
        funnelCounts(remainingGoalMinor, average, value, input.meetingToOpportunityRatio),
    },
    {
      ratio: 'meetingToOpportunityRatio' as const,
      label: 'meeting-to-opportunity ratio',
      unit: 'first meetings',
      sample: input.meetingSample && {
        successes: Math.min(input.meetingSample.opportunities, input.meetingSample.firstMeetings),
        size: input.meetingSample.firstMeetings,
      },
      teamRatio: input.teamMeetingToOpportunityRatio ?? null,
      meetingsAt: (value: number) =>
        funnelCounts(remainingGoalMinor, average, input.closingRatio, value),
    },
  ];
  const ranges: RatioRange[] = [];
  for (const { ratio, label, unit, sample, teamRatio, meetingsAt } of samples) {
    if (!sample || sample.size >= SMALL_SAMPLE) continue;
    const interval = wilsonInterval(sample.successes, sample.size, Z_80);
    const team = teamRatio === null ? '' : ` The team's ratio is ${percent(teamRatio)}.`;
    const range = interval
      ? ` The sample allows ${percent(interval.low)} to ${percent(interval.high)} (80% range).`
      : '';
    findings.push({
      code: 'small_sample',
      severity: 'warning',
      field: ratio,
      message: `The ${label} comes from only ${sample.size} ${unit}.${range}${team}`,
    });
    if (!interval) continue;
    ranges.push({
      ratio,
      successes: sample.successes,
      sampleSize: sample.size,
      low: interval.low,
      high: interval.high,
      teamRatio,
      firstMeetingsNeededAtLow: meetingsAt(interval.low).rounded.firstMeetingsNeeded,
      firstMeetingsNeededAtHigh: meetingsAt(interval.high).rounded.firstMeetingsNeeded,
    });
  }
  return ranges;
}
