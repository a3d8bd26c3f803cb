import { parseIsoDate } from '../../domain/calendar';
import { monthsBefore, toDayNumber } from './day-numbers';
import { type DemoActivity, generateActivities } from './generate-activities';
import { type DemoAccount, type DemoContact, generateAccounts } from './generate-accounts';
import {
  type DemoProduct,
  type DemoSegment,
  type DemoSegmentNorm,
  generateCatalogue,
} from './generate-catalogue';
import {
  type DemoExchangeRate,
  generateExchangeRates,
  inAccountCurrency,
  pickAccountCurrencies,
} from './generate-currencies';
import type { DemoCloseDateChange, DemoStageChange } from './generate-opportunity-history';
import { type DemoTerritory, type DemoUser, generatePeople } from './generate-people';
import { type DemoOpportunity, generatePipeline } from './generate-pipeline';
import { normsFromHistory, sellingHoursFromHistory } from './demo-norms';
import { createRandom } from './random';

export type { DemoActivity } from './generate-activities';
export type { DemoAccount, DemoContact } from './generate-accounts';
export type { DemoProduct, DemoSegment, DemoSegmentNorm } from './generate-catalogue';
export {
  DEMO_CURRENCY,
  type DemoCurrency,
  type DemoExchangeRate,
  demoCurrencies,
} from './generate-currencies';
export type {
  DemoCloseDateChange,
  DemoStageChange,
  StageName,
} from './generate-opportunity-history';
export type { DemoSignIn, DemoTerritory, DemoUser } from './generate-people';
export type { DemoOpportunity } from './generate-pipeline';

/** The demo organisation's rows, without org ids; stages are named, the loader maps them. */
export type DemoDataset = {
  territories: DemoTerritory[];
  users: DemoUser[];
  segments: DemoSegment[];
  segmentNorms: DemoSegmentNorm[];
  products: DemoProduct[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  opportunities: DemoOpportunity[];
  opportunityStageChanges: DemoStageChange[];
  opportunityCloseDateChanges: DemoCloseDateChange[];
  activities: DemoActivity[];
  /** Monthly rates of the foreign currencies some deals are in (not every one has rates). */
  exchangeRates: DemoExchangeRate[];
};

export type DemoOptions = {
  /** The demo's "today", 'YYYY-MM-DD': history lies before it, planned activities after it. */
  anchorDate: string;
  seed?: number;
};

export const DEFAULT_DEMO_SEED = 20_261_125;
/** The demo company sells from Paris: its "today" is the date there. */
export const DEMO_TIME_ZONE = 'Europe/Paris';
/** Months of history before the anchor date. */
export const HISTORY_MONTHS = 18;

/** A realistic sales organisation; the same options always give the same rows. */
export function generateDemoData(options: DemoOptions): DemoDataset {
  const anchorDay = toDayNumber(parseIsoDate(options.anchorDate, 'anchorDate'));
  const firstDay = monthsBefore(options.anchorDate, HISTORY_MONTHS);
  const random = createRandom(options.seed ?? DEFAULT_DEMO_SEED);

  const people = generatePeople(random.fork('people'));
  const catalogue = generateCatalogue(random.fork('catalogue'));
  const { accounts, contacts, profiles } = generateAccounts(
    random.fork('accounts'),
    people.reps,
    people.territories,
    catalogue.segments,
  );
  const timelines = generatePipeline(random.fork('pipeline'), {
    firstDay,
    anchorDay,
    reps: people.reps,
    accounts: profiles,
    products: catalogue.productProfiles,
  });
  const activities = generateActivities(random.fork('activities'), {
    firstDay,
    anchorDay,
    reps: people.reps,
    accounts: profiles,
    timelines,
  });
  const currencies = pickAccountCurrencies(random.fork('currencies'), profiles);
  const segmentNorms = normsFromHistory(catalogue.segments, profiles, activities, anchorDay);
  return {
    territories: people.territories,
    users: sellingHoursFromHistory(random.fork('selling-hours'), people.users, {
      repIds: new Set(people.reps.map((rep) => rep.userId)),
      accounts: profiles,
      norms: segmentNorms,
      activities,
      anchorDay,
    }),
    segments: catalogue.segments,
    segmentNorms,
    products: catalogue.products,
    accounts,
    contacts,
    opportunities: timelines.map((t) => inAccountCurrency(t.opportunity, currencies)),
    opportunityStageChanges: timelines.flatMap((t) => t.stageChanges),
    opportunityCloseDateChanges: timelines.flatMap((t) => t.closeDateChanges),
    activities,
    exchangeRates: generateExchangeRates(random.fork('exchange-rates'), firstDay, anchorDay),
  };
}
