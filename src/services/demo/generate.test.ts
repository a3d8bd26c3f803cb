import { describe, expect, it } from 'vitest';
import { addDays, monthsInRange } from '../../domain/calendar';
import { minorUnitRate, rateFor } from '../../domain/exchange-rates';
import { currencyFractionDigits } from '../../domain/money-format';
import { twoProportionZ } from '../../domain/proportions';
import { monthsBefore, toIsoDate } from './day-numbers';
import {
  DEMO_CURRENCY,
  type DemoDataset,
  type DemoOpportunity,
  HISTORY_MONTHS,
  demoCurrencies,
  generateDemoData,
} from './generate';
import { demoSignIns } from './generate-people';

const anchorDate = '2026-11-25';
const demo = generateDemoData({ anchorDate });
const reps = demo.users.filter((u) => u.role === 'rep');
const closed = demo.opportunities.filter((o) => o.closedOn !== null);
const isWon = (o: DemoOpportunity) => o.stageName === 'Won';
// Map.groupBy arrives in Node 21.
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('generateDemoData', () => {
  it('gives identical rows for the same options, and other rows for another seed', () => {
    expect(generateDemoData({ anchorDate })).toEqual(demo);
    const other = generateDemoData({ anchorDate, seed: 7 });
    expect(other.opportunities.map((o) => o.amountMinor)).not.toEqual(
      demo.opportunities.map((o) => o.amountMinor),
    );
  });

  it('produces an organisation of the documented size', () => {
    const counts = Object.fromEntries(
      Object.entries(demo).map(([table, rows]) => [table, rows.length]),
    );
    expect(counts).toMatchObject({
      territories: 3,
      users: 20,
      segments: 4,
      segmentNorms: 48,
      products: 8,
    });
    expect(demo.accounts).toHaveLength(600);
    expect(demo.contacts.length).toBeGreaterThanOrEqual(1_000);
    expect(demo.contacts.length).toBeLessThanOrEqual(1_500);
    expect(demo.opportunities.length).toBeGreaterThanOrEqual(2_900);
    expect(demo.opportunities.length).toBeLessThanOrEqual(3_100);
    expect(demo.activities.length).toBeGreaterThanOrEqual(36_000);
    expect(demo.activities.length).toBeLessThanOrEqual(44_000);
  });

  it('gives every row a unique version-4 UUID', () => {
    const ids = (Object.keys(demo) as (keyof DemoDataset)[]).flatMap((table) =>
      demo[table].flatMap((row) => ('id' in row ? [row.id] : [])),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const version4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !version4.test(id))).toEqual([]);
  });

  it('builds the team: managers report to the leader, five reps to each manager, one territory each', () => {
    const byAddress = (a: { email: string }, b: { email: string }) =>
      a.email.localeCompare(b.email);
    const signIns = demo.users.map(({ email, name, role }) => ({ email, name, role }));
    expect(signIns.sort(byAddress)).toEqual([...demoSignIns].sort(byAddress));
    const byEmail = new Map(demo.users.map((u) => [u.email.split('@')[0], u]));
    const leader = byEmail.get('leader');
    for (let team = 1; team <= 3; team++) {
      const manager = byEmail.get(`manager${team}`);
      expect(manager?.managerId).toBe(leader?.id);
      for (let rep = team * 5 - 4; rep <= team * 5; rep++) {
        expect(byEmail.get(`rep${rep}`)).toMatchObject({
          managerId: manager?.id,
          territoryId: manager?.territoryId,
        });
      }
    }
    expect(demo.territories.map((t) => t.name)).toEqual(['North', 'South', 'West']);
  });

  it('sets activity norms from its own history, falling from segment A to D', () => {
    const segmentA = demo.segments.find((s) => s.code === 'A');
    const norm = (type: string) =>
      demo.segmentNorms.find(
        (n) =>
          n.segmentId === segmentA?.id && n.accountStatus === 'prospect' && n.activityType === type,
      )?.countPerYear;
    // The calls done in the twelve months before today at segment A prospects, per account.
    const prospects = new Set(
      demo.accounts
        .filter((a) => a.segmentId === segmentA?.id && a.status === 'prospect')
        .map((a) => a.id),
    );
    const calls = demo.activities.filter(
      (a) =>
        a.type === 'call' &&
        a.status === 'done' &&
        prospects.has(a.accountId) &&
        a.occursOn >= addDays(anchorDate, -365) &&
        a.occursOn < anchorDate,
    ).length;
    expect(norm('call')).toBe(Math.round(calls / prospects.size));
    const totals = ['A', 'B', 'C', 'D'].map((code) =>
      demo.segmentNorms
        .filter((n) => n.segmentId === demo.segments.find((s) => s.code === code)?.id)
        .reduce((sum, n) => sum + n.countPerYear, 0),
    );
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(totals).size).toBe(4);
  });

  it('closes 60–70% of opportunities, 30–150 days after creation and before today', () => {
    expect(closed.length / demo.opportunities.length).toBeGreaterThanOrEqual(0.6);
    expect(closed.length / demo.opportunities.length).toBeLessThanOrEqual(0.7);
    for (const o of closed) {
      expect(['Won', 'Lost']).toContain(o.stageName);
      expect(daysBetween(o.createdOn, o.closedOn ?? '')).toBeGreaterThanOrEqual(30);
      expect(daysBetween(o.createdOn, o.closedOn ?? '')).toBeLessThanOrEqual(150);
      expect(o.closedOn?.localeCompare(anchorDate)).toBe(-1);
    }
    const open = demo.opportunities.filter((o) => o.closedOn === null);
    expect(new Set(open.map((o) => o.stageName))).toEqual(
      new Set(['Prospecting', 'Qualification', 'Proposal', 'Negotiation']),
    );
    const stale = open.filter((o) => o.expectedCloseOn < anchorDate);
    expect(stale.length).toBeGreaterThan(50);
    expect(stale.length).toBeLessThan(open.length / 3);
  });

  it('keeps a dated stage history from Prospecting to the current stage', () => {
    const history = groupBy(demo.opportunityStageChanges, (c) => c.opportunityId);
    for (const o of demo.opportunities) {
      const changes = history.get(o.id) ?? [];
      expect(changes[0]).toMatchObject({
        fromStageName: null,
        toStageName: 'Prospecting',
        changedOn: o.createdOn,
      });
      expect(changes.at(-1)?.toStageName).toBe(o.stageName);
      changes.forEach((change, i) => {
        expect(change.changedBy).toBe(o.ownerId);
        if (i > 0) {
          expect(change.fromStageName).toBe(changes[i - 1]?.toStageName);
          expect(change.changedOn >= (changes[i - 1]?.changedOn ?? '')).toBe(true);
        }
      });
    }
  });

  it('records slipping close dates, some moved later three or more times', () => {
    const moves = groupBy(demo.opportunityCloseDateChanges, (c) => c.opportunityId);
    const slipping = [...moves.values()].filter((changes) => changes.length >= 3);
    expect(slipping.length).toBeGreaterThan(30);
    for (const change of demo.opportunityCloseDateChanges) {
      expect(change.toDate > change.fromDate).toBe(true);
      expect(change.changedOn < anchorDate).toBe(true);
    }
  });

  it('makes reps differ: closing ratios from about 15% to 40%, and product conversion outliers', () => {
    const ratios = reps.map((rep) => {
      const mine = closed.filter((o) => o.ownerId === rep.id);
      return mine.filter(isWon).length / mine.length;
    });
    expect(Math.min(...ratios)).toBeLessThan(0.2);
    expect(Math.max(...ratios)).toBeGreaterThan(0.37);
    const outliers = demo.products.flatMap((product) =>
      reps.filter((rep) => {
        const ofProduct = closed.filter((o) => o.productId === product.id);
        const mine = ofProduct.filter((o) => o.ownerId === rep.id);
        const rest = ofProduct.filter((o) => o.ownerId !== rep.id);
        if (mine.length < 10) return false;
        const z = twoProportionZ(
          mine.filter(isWon).length,
          mine.length,
          rest.filter(isWon).length,
          rest.length,
        );
        return Math.abs(z) >= 1.96;
      }),
    );
    expect(outliers.length).toBeGreaterThanOrEqual(4);
  });

  it('opens each opportunity after a first meeting at its account, two to four meetings per opportunity', () => {
    const firstMeetings = demo.activities.filter(
      (a) => a.type === 'first_meeting' && a.status === 'done',
    );
    const byAccount = groupBy(firstMeetings, (a) => a.accountId);
    for (const o of demo.opportunities) {
      const before = (byAccount.get(o.accountId) ?? []).filter((a) => a.occursOn < o.createdOn);
      expect(before.length).toBeGreaterThan(0);
    }
    const ratio = demo.opportunities.length / firstMeetings.length;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.5);
  });

  it('has done activities in the past and planned ones only in the next four weeks', () => {
    const lastPlanned = '2026-12-23';
    for (const a of demo.activities) {
      if (a.status === 'done') expect(a.occursOn <= anchorDate).toBe(true);
      else expect(a.occursOn >= anchorDate && a.occursOn <= lastPlanned).toBe(true);
    }
    // Today is half done: some of its activities done (the morning), some still planned.
    const today = demo.activities.filter((a) => a.occursOn === anchorDate);
    expect(today.filter((a) => a.status === 'done').length).toBeGreaterThan(0);
    expect(today.filter((a) => a.status === 'planned').length).toBeGreaterThan(0);
    const planned = demo.activities.filter((a) => a.status === 'planned');
    expect(planned.length).toBeGreaterThan(1_000);
    const linked = demo.activities.filter((a) => a.opportunityId !== null);
    expect(linked.length / demo.activities.length).toBeGreaterThan(0.4);
  });

  it('creates more opportunities in March and Q4 than in the summer', () => {
    const perMonth = groupBy(demo.opportunities, (o) => Number(o.createdOn.slice(5, 7)));
    const occurrences = groupBy(
      [...new Set(demo.opportunities.map((o) => o.createdOn.slice(0, 7)))],
      (month) => Number(month.slice(5, 7)),
    );
    const average = (month: number) =>
      (perMonth.get(month)?.length ?? 0) / (occurrences.get(month)?.length ?? 1);
    const strong = (average(3) + average(10) + average(11)) / 3;
    const summer = (average(7) + average(8)) / 2;
    expect(strong).toBeGreaterThan(1.6 * summer);
  });

  it('sells about 4% of deals in GBP, USD, CHF and JPY, each account in one currency', () => {
    const foreign = demo.opportunities.filter((o) => o.currency !== DEMO_CURRENCY);
    expect(foreign.length / demo.opportunities.length).toBeGreaterThan(0.02);
    expect(foreign.length / demo.opportunities.length).toBeLessThan(0.06);
    const byCurrency = groupBy(foreign, (o) => o.currency);
    expect([...byCurrency.keys()].sort()).toEqual(Object.keys(demoCurrencies).sort());
    for (const deals of byCurrency.values()) expect(deals.length).toBeGreaterThanOrEqual(10);
    const accountCurrencies = groupBy(demo.opportunities, (o) => o.accountId);
    for (const deals of accountCurrencies.values()) {
      expect(new Set(deals.map((o) => o.currency)).size).toBe(1);
    }
    const country = new Map(demo.accounts.map((a) => [a.id, a.country]));
    for (const o of byCurrency.get('GBP') ?? []) expect(country.get(o.accountId)).toBe('GB');
    for (const o of byCurrency.get('CHF') ?? []) expect(country.get(o.accountId)).toBe('CH');
  });

  it('keeps foreign deals euro-sized, in whole amounts of their own minor units', () => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    const euroMedian = median(
      demo.opportunities.filter((o) => o.currency === DEMO_CURRENCY).map((o) => o.amountMinor),
    );
    const euroDigits = currencyFractionDigits(DEMO_CURRENCY);
    for (const [currency, profile] of Object.entries(demoCurrencies)) {
      const deals = demo.opportunities.filter((o) => o.currency === currency);
      const minorPerUnit = 10 ** currencyFractionDigits(currency);
      for (const o of deals) expect(o.amountMinor % (profile.amountStep * minorPerUnit)).toBe(0);
      // In euro minor units at the usual rate, the typical deal is about the size of a euro one.
      const inEuros = median(deals.map((o) => o.amountMinor)) / minorPerUnit;
      const ratio = (inEuros * profile.eurosPerUnit * 10 ** euroDigits) / euroMedian;
      expect(ratio, currency).toBeGreaterThan(0.4);
      expect(ratio, currency).toBeLessThan(2.5);
    }
    expect(currencyFractionDigits('JPY')).toBe(0);
  });

  it('has a rate for every month of the demo for GBP, USD and JPY, and none for CHF', () => {
    const months = monthsInRange(
      toIsoDate(monthsBefore(anchorDate, HISTORY_MONTHS)),
      anchorDate,
    ).map((month) => `${month}-01`);
    expect(months).toHaveLength(HISTORY_MONTHS + 1);
    for (const currency of ['GBP', 'USD', 'JPY'] as const) {
      const rates = demo.exchangeRates.filter((r) => r.currency === currency);
      expect(rates.map((r) => r.month)).toEqual(months);
      const { eurosPerUnit } = demoCurrencies[currency];
      for (const { rate } of rates) {
        expect(Number(rate) / eurosPerUnit).toBeGreaterThan(0.95);
        expect(Number(rate) / eurosPerUnit).toBeLessThan(1.05);
      }
      expect(new Set(rates.map((r) => r.rate)).size).toBeGreaterThan(months.length / 2);
    }
    expect(demo.exchangeRates.filter((r) => r.currency === 'CHF')).toEqual([]);
    // A CHF deal has no rate in any month, so it is counted beside the converted sums.
    const rates = demo.exchangeRates.map((r) => ({ ...r, month: r.month.slice(0, 7) }));
    expect(rateFor(rates, 'CHF', anchorDate.slice(0, 7), DEMO_CURRENCY)).toBeNull();
    const yen = rateFor(rates, 'JPY', anchorDate.slice(0, 7), DEMO_CURRENCY) ?? '';
    // One yen is a little over half a cent.
    expect(Number(minorUnitRate(yen, 0, 2))).toBeCloseTo(0.61, 1);
  });
});
