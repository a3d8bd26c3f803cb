import { toWorkingDay } from './day-numbers';
import type { AccountProfile } from './generate-accounts';
import type { ActivityType } from './generate-catalogue';
import type { StageName } from './generate-opportunity-history';
import type { OpportunityTimeline } from './generate-pipeline';
import type { RepProfile } from './generate-people';
import type { Random } from './random';

/** One activity of the demo before it gets its dates, owner and text. */
export type ActivityDraft = {
  type: ActivityType;
  day: number;
  account: AccountProfile;
  opportunityId?: string;
  outcome?: string;
  /** Done or planned; by default done before today and planned from today on. */
  isDone?: boolean;
};

// What a rep plans next on a live deal, by its stage.
const nextActivityTypes: Partial<Record<StageName, readonly ActivityType[]>> = {
  Prospecting: ['call', 'meeting', 'email'],
  Qualification: ['demo', 'meeting', 'call'],
  Proposal: ['proposal', 'meeting', 'call'],
  Negotiation: ['meeting', 'call', 'email'],
};

/**
 * The work on one opportunity from its creation to its last worked day: calls, emails and
 * meetings spread over the cycle, a demo after qualification (software), a proposal when it
 * reached that stage, and next steps planned in the coming weeks while the deal is alive.
 */
export function generateOpportunityActivities(
  random: Random,
  timeline: OpportunityTimeline,
  rep: RepProfile,
  anchorDay: number,
): ActivityDraft[] {
  const { createdDay, lastWorkedDay, account, opportunity } = timeline;
  const lastDoneDay = Math.min(lastWorkedDay, anchorDay - 1);
  const duration = Math.max(0, lastDoneDay - createdDay);
  const drafts: ActivityDraft[] = [];
  const add = (type: ActivityType, day: number) =>
    drafts.push({ type, day, account, opportunityId: opportunity.id });
  const within = (day: number) => Math.min(lastDoneDay, Math.max(createdDay, toWorkingDay(day)));
  const spread = (type: ActivityType, expected: number) => {
    const count = random.count(expected * rep.activityFactor);
    for (let i = 0; i < count; i++) add(type, within(createdDay + random.int(0, duration)));
  };

  spread('call', 0.5 + duration / 40);
  spread('email', 0.5 + duration / 36);
  spread('meeting', 0.3 + duration / 70);
  const stageDay = (name: StageName) => timeline.stageDays.find((s) => s.stageName === name)?.day;
  const qualifiedDay = stageDay('Qualification');
  if (qualifiedDay !== undefined && timeline.product.isSoftware && random.chance(0.85)) {
    add('demo', within(qualifiedDay + random.int(0, 10)));
  }
  const proposalDay = stageDay('Proposal');
  if (proposalDay !== undefined) add('proposal', within(proposalDay));
  const negotiationDay = stageDay('Negotiation');
  if (negotiationDay !== undefined && random.chance(0.3)) add('proposal', within(negotiationDay));

  const isAlive = opportunity.closedOn === null && lastWorkedDay >= anchorDay - 20;
  const types = nextActivityTypes[opportunity.stageName];
  if (isAlive && types) {
    const planned = random.int(1, 3);
    for (let i = 0; i < planned; i++) {
      add(random.pick(types), toWorkingDay(anchorDay + random.int(1, 26)));
    }
  }
  return drafts;
}
