import type { AccountProfile } from './generate-accounts';
import type { ProductProfile, SegmentCode } from './generate-catalogue';
import type { DemoCurrency } from './generate-currencies';
import type { RepProfile } from './generate-people';
import { createSeasonalDaySampler } from './demo-seasonality';
import { lastWorkingDayBefore, quarterEnd, toIsoDate, toWorkingDay } from './day-numbers';
import {
  type OpportunityHistory,
  type StageName,
  generateOpportunityHistory,
} from './generate-opportunity-history';
import type { Random } from './random';
import { createRevenueDither, createStratifiedPicker } from './stratified';

export type DemoOpportunity = {
  id: string;
  externalId: string;
  name: string;
  accountId: string;
  ownerId: string;
  productId: string;
  /** In the currency's own minor units (cents, pence, yen). */
  amountMinor: number;
  currency: DemoCurrency;
  stageName: StageName;
  createdOn: string;
  expectedCloseOn: string;
  closedOn: string | null;
  nextStep: string | null;
};

/** An opportunity with the facts the activity generator follows (not stored). */
export type OpportunityTimeline = OpportunityHistory & {
  opportunity: DemoOpportunity;
  account: AccountProfile;
  product: ProductProfile;
  createdDay: number;
};

export const TARGET_OPPORTUNITIES = 3_000;
// Share of opportunities past their planned close that are still open: the stale pipeline.
const STALE_SHARE = 0.18;
const segmentDealSize: Record<SegmentCode, number> = { A: 2.2, B: 1.4, C: 1, D: 0.6 };
const segmentCycle: Record<SegmentCode, number> = { A: 1.3, B: 1.1, C: 1, D: 0.8 };
const segmentOpportunityWeight: Record<SegmentCode, number> = { A: 3, B: 2, C: 1.2, D: 0.7 };
const nextSteps: Partial<Record<StageName, readonly string[]>> = {
  Prospecting: ['Qualify budget and timeline', 'Find the economic buyer', 'Book a discovery call'],
  Qualification: ['Book a demo with the project team', 'Confirm requirements with IT'],
  Proposal: ['Walk the CFO through the proposal', 'Send the revised proposal'],
  Negotiation: ['Agree contract terms with procurement', 'Get the order signed'],
};

export type PipelineInput = {
  firstDay: number;
  anchorDay: number;
  reps: readonly RepProfile[];
  accounts: readonly AccountProfile[];
  products: readonly ProductProfile[];
};

/** About 3,000 opportunities over the history window, oldest first. */
export function generatePipeline(random: Random, input: PipelineInput): OpportunityTimeline[] {
  const { reps, anchorDay } = input;
  // Leave three weeks for the first meetings that lead to the earliest opportunities.
  const sampleCreatedDay = createSeasonalDaySampler(input.firstDay + 21, anchorDay - 1, 0.4);
  const totalActivity = reps.reduce((sum, rep) => sum + rep.activityFactor, 0);
  const timelines: OpportunityTimeline[] = [];

  for (const rep of reps) {
    const accounts = input.accounts.filter((a) => a.account.ownerId === rep.userId);
    const accountWeight = (a: AccountProfile) =>
      segmentOpportunityWeight[a.segmentCode] * (a.account.status === 'customer' ? 1.2 : 1);
    // Reps sell more of the products they are known for, good or bad.
    const productWeights = input.products.map(
      (p) => p.popularity * (rep.productWinFactors[p.key] === undefined ? 1 : 1.8),
    );
    // Per segment: its accounts, and stratified draws of the product and of the outcome, so that
    // each rep's won revenue by segment follows the segment mix their accounts give (stratified.ts).
    const totalProductWeight = productWeights.reduce((sum, w) => sum + w, 0);
    const averageList =
      input.products.reduce((sum, p, i) => sum + p.listPriceMinor * (productWeights[i] ?? 0), 0) /
      totalProductWeight;
    const segments = [...new Set(accounts.map((a) => a.segmentCode))].map((code) => {
      const own = accounts.filter((a) => a.segmentCode === code);
      const averageDeal = averageList * segmentDealSize[code] * rep.dealSizeFactor;
      // One running sum per year of closing: a large deal won in December does not leave the
      // next year's revenue behind, so each year's won revenue follows its own expectation.
      const byYear = new Map<string, ReturnType<typeof createRevenueDither>>();
      const wins = (chance: number, amountMinor: number, closedDay: number) => {
        const year = toIsoDate(closedDay).slice(0, 4);
        const dither = byYear.get(year) ?? createRevenueDither(random, averageDeal);
        byYear.set(year, dither);
        return dither(chance, amountMinor);
      };
      return {
        accounts: own,
        weights: own.map(accountWeight),
        product: createStratifiedPicker(random, productWeights),
        wins,
      };
    });
    const pickSegment = createStratifiedPicker(
      random,
      segments.map((s) => s.weights.reduce((sum, w) => sum + w, 0)),
    );
    const count = Math.round((TARGET_OPPORTUNITIES * rep.activityFactor) / totalActivity);
    // In the order they were opened, which is about the order they close: the outcomes dithered
    // along it keep the won revenue close to its expectation within any stretch of months.
    const createdDays = Array.from({ length: count }, () => sampleCreatedDay(random)).sort(
      (a, b) => a - b,
    );
    for (const createdDay of createdDays) {
      const segment = segments[pickSegment()];
      if (!segment) throw new Error('a rep without accounts');
      const account = random.pickWeighted(segment.accounts, segment.weights);
      const product = input.products[segment.product()];
      if (!product) throw new Error('a product is missing');
      timelines.push(
        generateOpportunity(
          random,
          { rep, account, product, anchorDay, wins: segment.wins },
          createdDay,
        ),
      );
    }
  }
  timelines.sort((a, b) => a.createdDay - b.createdDay);
  timelines.forEach((timeline, i) => {
    timeline.opportunity.externalId = `DEMO-OPP-${String(i + 1).padStart(5, '0')}`;
  });
  return timelines;
}

type OpportunityContext = {
  rep: RepProfile;
  account: AccountProfile;
  product: ProductProfile;
  anchorDay: number;
  /** Whether a closed deal is won, given its chance, amount and closing day (stratified.ts). */
  wins: (chance: number, amountMinor: number, closedDay: number) => boolean;
};

function generateOpportunity(
  random: Random,
  { rep, account, product, anchorDay, wins }: OpportunityContext,
  createdDay: number,
): OpportunityTimeline {
  const segment = account.segmentCode;
  const noise = Math.exp(random.normal(0, 0.3));
  const amountEuros =
    (product.listPriceMinor / 100) * segmentDealSize[segment] * rep.dealSizeFactor;
  const amountMinor = Math.max(1_000, Math.round((amountEuros * noise) / 100) * 100) * 100;
  const cycleDays = clamp(
    Math.round(product.cycleDays * segmentCycle[segment] * Math.exp(random.normal(0, 0.25))),
    31,
    149,
  );
  // 0.9 offsets the product and customer factors, which average a little above 1.
  const winChance = clamp(
    0.9 *
      rep.closingRatio *
      product.winFactor *
      (rep.productWinFactors[product.key] ?? 1) *
      (account.account.status === 'customer' ? 1.15 : 0.95),
    0.02,
    0.9,
  );
  const plannedCloseDay = createdDay + cycleDays;
  // Three days' margin keeps the close, moved to a working day before today, 30+ days out.
  const isClosed = plannedCloseDay < anchorDay - 3 && !random.chance(STALE_SHARE);
  const closedDay = isClosed ? closingDay(random, createdDay, plannedCloseDay, anchorDay) : null;
  const id = random.uuid();
  const history = generateOpportunityHistory(random, {
    opportunityId: id,
    createdDay,
    cycleDays,
    closedDay,
    outcome: closedDay === null ? null : wins(winChance, amountMinor, closedDay) ? 'won' : 'lost',
    anchorDay,
    ownerId: rep.userId,
  });
  const stageSteps = nextSteps[history.stageName];
  const opportunity: DemoOpportunity = {
    id,
    externalId: '',
    name: `${account.account.name} – ${product.name}`,
    accountId: account.account.id,
    ownerId: rep.userId,
    productId: product.productId,
    amountMinor,
    currency: 'EUR',
    stageName: history.stageName,
    createdOn: toIsoDate(createdDay),
    expectedCloseOn: toIsoDate(history.expectedCloseDay),
    closedOn: closedDay === null ? null : toIsoDate(closedDay),
    nextStep: stageSteps ? random.pick(stageSteps) : null,
  };
  return { ...history, opportunity, account, product, createdDay };
}

// Deals bunch up at quarter ends: a third of the closings move into the quarter's last ten days
// when that keeps the cycle realistic.
function closingDay(random: Random, createdDay: number, plannedDay: number, anchorDay: number) {
  const lastDay = lastWorkingDayBefore(anchorDay);
  let day = Math.min(toWorkingDay(plannedDay), lastDay);
  if (random.chance(0.35)) {
    const candidate = toWorkingDay(quarterEnd(plannedDay) - random.int(0, 9));
    const cycle = candidate - createdDay;
    if (cycle >= 30 && cycle <= 150 && candidate <= lastDay) day = candidate;
  }
  return day;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
