import type { OpportunityOutcome } from '../../domain/opportunity';
import { toIsoDate, toWorkingDay } from './day-numbers';
import type { Random } from './random';

export type StageName =
  'Prospecting' | 'Qualification' | 'Proposal' | 'Negotiation' | 'Won' | 'Lost';

export type DemoStageChange = {
  id: string;
  opportunityId: string;
  fromStageName: StageName | null;
  toStageName: StageName;
  changedOn: string;
  changedBy: string;
};

export type DemoCloseDateChange = {
  id: string;
  opportunityId: string;
  fromDate: string;
  toDate: string;
  changedOn: string;
  changedBy: string;
};

/** How an opportunity moved: its stages, its close date, and until when the rep worked on it. */
export type OpportunityHistory = {
  stageName: StageName;
  expectedCloseDay: number;
  closedDay: number | null;
  /** The open stages it went through, with the day each was entered, in order. */
  stageDays: { stageName: StageName; day: number }[];
  /** The last day of work on it: the close, or for open deals a recent day (or long ago: stale). */
  lastWorkedDay: number;
  stageChanges: DemoStageChange[];
  closeDateChanges: DemoCloseDateChange[];
};

export type HistoryInput = {
  opportunityId: string;
  ownerId: string;
  createdDay: number;
  cycleDays: number;
  closedDay: number | null;
  outcome: OpportunityOutcome | null;
  anchorDay: number;
};

const openStages: readonly StageName[] = [
  'Prospecting',
  'Qualification',
  'Proposal',
  'Negotiation',
];
// The share of the cycle after which each open stage starts.
const stageStarts = [0, 0.2, 0.45, 0.7];

export function generateOpportunityHistory(
  random: Random,
  input: HistoryInput,
): OpportunityHistory {
  const { createdDay, cycleDays, closedDay, outcome, anchorDay } = input;
  const plannedCloseDay = createdDay + cycleDays;
  let reached: number;
  let span: number;
  let lastWorkedDay: number;
  let closeDates: number[];
  if (closedDay !== null) {
    reached = outcome === 'won' ? 3 : random.pickWeighted([0, 1, 2, 3], [0.25, 0.3, 0.3, 0.15]);
    span = closedDay - createdDay;
    lastWorkedDay = closedDay;
    closeDates = random.chance(0.1) ? slipsBefore(random, closedDay, createdDay) : [closedDay];
  } else if (plannedCloseDay >= anchorDay) {
    lastWorkedDay = Math.max(createdDay, anchorDay - random.int(1, 7));
    const progress = (lastWorkedDay - createdDay) / cycleDays;
    reached = stageStarts.filter((start) => start <= progress).length - 1;
    span = cycleDays;
    const expected = toWorkingDay(plannedCloseDay);
    closeDates = random.chance(0.12) ? slipsBefore(random, expected, createdDay) : [expected];
  } else {
    // Stale: past its planned close and still open. Half were left alone (their expected close
    // is in the past), half slipped month after month and are still being worked.
    reached = random.pickWeighted([1, 2, 3], [0.25, 0.4, 0.35]);
    const isLeftAlone = random.chance(0.5);
    lastWorkedDay = isLeftAlone
      ? Math.min(plannedCloseDay - random.int(0, 20), anchorDay - 31 - random.int(0, 30))
      : anchorDay - random.int(1, 20);
    lastWorkedDay = Math.max(createdDay, lastWorkedDay);
    span = Math.min(cycleDays, (lastWorkedDay - createdDay) / (stageStarts[reached] ?? 1));
    closeDates = isLeftAlone
      ? [toWorkingDay(plannedCloseDay)]
      : slipsPast(random, toWorkingDay(plannedCloseDay), anchorDay);
  }

  const stageDays = openStages.slice(0, reached + 1).map((stageName, i) => ({
    stageName,
    day: createdDay + Math.round(span * (stageStarts[i] ?? 0) * random.between(0.8, 1)),
  }));
  stageDays.forEach((stage, i) => {
    const previous = stageDays[i - 1]?.day ?? createdDay;
    stage.day = Math.min(lastWorkedDay, Math.max(previous, toWorkingDay(stage.day)));
  });
  const finalStage: StageName | null =
    outcome === 'won' ? 'Won' : outcome === 'lost' ? 'Lost' : null;
  const stageName = finalStage ?? openStages[reached] ?? 'Prospecting';
  const lastChangeDay = closedDay ?? anchorDay - 1;
  return {
    stageName,
    expectedCloseDay: closeDates[closeDates.length - 1] ?? plannedCloseDay,
    closedDay,
    stageDays,
    lastWorkedDay,
    stageChanges: stageChangeRows(random, input, stageDays, finalStage),
    closeDateChanges: closeDateChangeRows(random, input, closeDates, lastChangeDay),
  };
}

// Close dates that moved later one to four times and ended on `finalDay`, oldest first.
function slipsBefore(random: Random, finalDay: number, createdDay: number): number[] {
  const moves = random.pickWeighted([1, 2, 3, 4], [0.45, 0.3, 0.17, 0.08]);
  const dates = [finalDay];
  for (let i = 0; i < moves; i++) {
    const earlier = toWorkingDay((dates[0] ?? finalDay) - random.int(10, 30));
    if (earlier < createdDay + 14) break;
    dates.unshift(earlier);
  }
  return dates;
}

// A close date pushed out by three to six weeks at a time until it lies after today; after five
// moves the rep gives up on small steps and jumps well into the future.
function slipsPast(random: Random, plannedDay: number, anchorDay: number): number[] {
  const dates = [plannedDay];
  let day = plannedDay;
  while (day <= anchorDay && dates.length <= 5) {
    day = toWorkingDay(day + random.int(21, 45));
    dates.push(day);
  }
  if (day <= anchorDay) dates.push(toWorkingDay(anchorDay + random.int(14, 75)));
  return dates;
}

function stageChangeRows(
  random: Random,
  input: HistoryInput,
  stageDays: OpportunityHistory['stageDays'],
  finalStage: StageName | null,
): DemoStageChange[] {
  const steps = [...stageDays];
  if (finalStage && input.closedDay !== null)
    steps.push({ stageName: finalStage, day: input.closedDay });
  return steps.map((step, i) => ({
    id: random.uuid(),
    opportunityId: input.opportunityId,
    fromStageName: steps[i - 1]?.stageName ?? null,
    toStageName: step.stageName,
    changedOn: toIsoDate(step.day),
    changedBy: input.ownerId,
  }));
}

// Each move is recorded a few days before the old date passed, never before the opportunity was
// created nor after `lastDay`.
function closeDateChangeRows(
  random: Random,
  input: HistoryInput,
  dates: readonly number[],
  lastDay: number,
): DemoCloseDateChange[] {
  let previousChange = input.createdDay;
  return dates.slice(1).map((toDay, i) => {
    const fromDay = dates[i] ?? toDay;
    const changedDay = Math.min(lastDay, Math.max(previousChange, fromDay - random.int(0, 5)));
    previousChange = changedDay;
    return {
      id: random.uuid(),
      opportunityId: input.opportunityId,
      fromDate: toIsoDate(fromDay),
      toDate: toIsoDate(toDay),
      changedOn: toIsoDate(changedDay),
      changedBy: input.ownerId,
    };
  });
}
