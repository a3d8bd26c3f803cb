import type { ActivityStatus } from '../../domain/activity';
import { OPPORTUNITY_OPENED, activityOutcomes, activitySubjects } from './activity-texts';
import { isWeekend, monthOfDay, toIsoDate, toWorkingDay } from './day-numbers';
import { createSeasonalDaySampler, monthWeights } from './demo-seasonality';
import type { AccountProfile } from './generate-accounts';
import { type ActivityType, activityTypes, normPerYear } from './generate-catalogue';
import type { OpportunityTimeline } from './generate-pipeline';
import type { RepProfile } from './generate-people';
import {
  type ActivityDraft,
  generateOpportunityActivities,
} from './generate-opportunity-activities';
import type { Random } from './random';

export type DemoActivity = {
  id: string;
  type: ActivityType;
  status: ActivityStatus;
  occursOn: string;
  ownerId: string;
  accountId: string;
  opportunityId: string | null;
  contactId: string | null;
  subject: string;
  outcome: string | null;
};

/** Days ahead of today that carry planned activities. */
export const PLANNED_DAYS = 28;
// Account care outside opportunities covers this share of the norms; deal work does the rest.
const CARE_SHARE = 0.5;

export type ActivitiesInput = {
  firstDay: number;
  anchorDay: number;
  reps: readonly RepProfile[];
  accounts: readonly AccountProfile[];
  timelines: readonly OpportunityTimeline[];
};

export function generateActivities(random: Random, input: ActivitiesInput): DemoActivity[] {
  const activities: DemoActivity[] = [];
  const add = (draft: ActivityDraft) =>
    activities.push(buildActivity(random, draft, input.anchorDay));
  for (const rep of input.reps) {
    const accounts = input.accounts.filter((a) => a.account.ownerId === rep.userId);
    const timelines = input.timelines.filter((t) => t.opportunity.ownerId === rep.userId);
    const drafts = [
      ...generateFirstMeetings(random, rep, accounts, timelines, input),
      ...timelines.flatMap((t) => generateOpportunityActivities(random, t, rep, input.anchorDay)),
      ...generateAccountCare(random, rep, accounts, input),
    ];
    [...drafts, ...workUpToToday(random, accounts, drafts, input.anchorDay)].forEach(add);
  }
  return activities;
}

/** The working days before today the rep's pace is measured over, and those it fills. */
const PACE_DAYS = { from: 70, to: 14 } as const;
/** The share of a day's work done by the time the demo is opened: the morning of today. */
const DONE_TODAY_SHARE = 0.5;

/**
 * The days just before today at the rep's own pace: closed deals end before them and open ones
 * were last worked a few days ago, so deal work thins out before today, and today had nothing
 * done. Account care fills each working day of the last two weeks up to what the rep did per
 * working day (by month weight) in the weeks before, and today's morning is done (half a day)
 * with the afternoon planned, so this month to today shows the rep at the pace of their history,
 * which is their plan's (demo-norms.ts), ahead or behind as they are.
 */
function workUpToToday(
  random: Random,
  accounts: readonly AccountProfile[],
  drafts: readonly ActivityDraft[],
  anchorDay: number,
): ActivityDraft[] {
  const perDay = new Map<number, number>();
  for (const draft of drafts) perDay.set(draft.day, (perDay.get(draft.day) ?? 0) + 1);
  const weightOf = (day: number) => monthWeights[monthOfDay(day) - 1] ?? 1;
  let measured = 0;
  let weights = 0;
  for (let day = anchorDay - PACE_DAYS.from; day < anchorDay - PACE_DAYS.to; day++) {
    if (isWeekend(day)) continue;
    measured += perDay.get(day) ?? 0;
    weights += weightOf(day);
  }
  const pace = measured / Math.max(1, weights);
  const types = drafts.filter((d) => d.type !== 'first_meeting').map((d) => d.type);
  if (accounts.length === 0 || types.length === 0) return [];
  const care = (day: number, isDone?: boolean): ActivityDraft => ({
    type: random.pick(types),
    day,
    account: random.pick(accounts),
    ...(isDone === undefined ? {} : { isDone }),
  });
  const filled: ActivityDraft[] = [];
  for (let day = anchorDay - PACE_DAYS.to; day < anchorDay; day++) {
    if (isWeekend(day)) continue;
    const missing = Math.round(pace * weightOf(day)) - (perDay.get(day) ?? 0);
    for (let i = 0; i < missing; i++) filled.push(care(day));
  }
  if (!isWeekend(anchorDay)) {
    const today = random.count(pace * weightOf(anchorDay));
    const doneToday = Math.round(today * DONE_TODAY_SHARE);
    for (let i = 0; i < today; i++) filled.push(care(anchorDay, i < doneToday));
  }
  return filled;
}

// Each opportunity comes from a first meeting a few days before it; the rep's other first
// meetings led nowhere (yet). Together they give the rep's meeting-to-opportunity ratio.
function generateFirstMeetings(
  random: Random,
  rep: RepProfile,
  accounts: readonly AccountProfile[],
  timelines: readonly OpportunityTimeline[],
  { firstDay, anchorDay }: ActivitiesInput,
): ActivityDraft[] {
  const drafts: ActivityDraft[] = [];
  const prospectWeights = accounts.map((a) => (a.account.status === 'prospect' ? 2 : 1));
  const otherMeeting = (day: number): ActivityDraft => ({
    type: 'first_meeting',
    day,
    account: random.pickWeighted(accounts, prospectWeights),
  });
  for (const timeline of timelines) {
    const day = Math.max(firstDay, toWorkingDay(timeline.createdDay - random.int(3, 21)));
    drafts.push({
      type: 'first_meeting',
      day,
      account: timeline.account,
      outcome: OPPORTUNITY_OPENED,
    });
    const others = random.count(rep.firstMeetingsPerOpportunity - 1);
    for (let i = 0; i < others; i++) {
      const otherDay = toWorkingDay(timeline.createdDay - random.int(0, 45));
      drafts.push(otherMeeting(Math.min(anchorDay - 1, Math.max(firstDay, otherDay))));
    }
  }
  // Planned first meetings at the rep's recent pace.
  const perDay = (timelines.length * rep.firstMeetingsPerOpportunity) / (anchorDay - firstDay);
  const planned = random.count(perDay * PLANNED_DAYS);
  for (let i = 0; i < planned; i++) {
    drafts.push(otherMeeting(toWorkingDay(anchorDay + random.int(1, PLANNED_DAYS - 2))));
  }
  return drafts;
}

// Calls, meetings, emails, proposals and demos per the segment norms, scaled by how active the
// rep is: the plan-versus-actual reports then show reps above and below the norms.
function generateAccountCare(
  random: Random,
  rep: RepProfile,
  accounts: readonly AccountProfile[],
  { firstDay, anchorDay }: ActivitiesInput,
): ActivityDraft[] {
  const drafts: ActivityDraft[] = [];
  const sampleDay = createSeasonalDaySampler(firstDay, anchorDay - 1);
  const years = (anchorDay - firstDay) / 365;
  for (const account of accounts) {
    for (const type of activityTypes) {
      if (type === 'first_meeting') continue;
      const norm = normPerYear(account.segmentCode, account.account.status, type);
      const done = random.count(norm * years * rep.activityFactor * CARE_SHARE);
      for (let i = 0; i < done; i++) drafts.push({ type, day: sampleDay(random), account });
      const planned = random.count((norm * PLANNED_DAYS * rep.activityFactor) / 365);
      for (let i = 0; i < planned; i++) {
        drafts.push({
          type,
          day: toWorkingDay(anchorDay + random.int(1, PLANNED_DAYS - 2)),
          account,
        });
      }
    }
  }
  return drafts;
}

// Done before today, planned from today on (some of today's done: the morning); a contact of the
// account on most of them.
function buildActivity(random: Random, draft: ActivityDraft, anchorDay: number): DemoActivity {
  const isDone = draft.isDone ?? draft.day < anchorDay;
  const { contactIds } = draft.account;
  const contactId = contactIds.length > 0 && random.chance(0.85) ? random.pick(contactIds) : null;
  return {
    id: random.uuid(),
    type: draft.type,
    status: isDone ? 'done' : 'planned',
    occursOn: toIsoDate(draft.day),
    ownerId: draft.account.account.ownerId,
    accountId: draft.account.account.id,
    opportunityId: draft.opportunityId ?? null,
    contactId,
    subject: random.pick(activitySubjects[draft.type]),
    outcome: isDone ? (draft.outcome ?? random.pick(activityOutcomes[draft.type])) : null,
  };
}
