import type { Random } from './random';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../domain/account';

export type { AccountStatus };
export type ActivityType = 'first_meeting' | 'call' | 'meeting' | 'email' | 'proposal' | 'demo';
export type SegmentCode = 'A' | 'B' | 'C' | 'D';

export type DemoSegment = { id: string; code: SegmentCode; name: string; description: string };

export type DemoSegmentNorm = {
  segmentId: string;
  accountStatus: AccountStatus;
  activityType: ActivityType;
  countPerYear: number;
};

export type DemoProduct = {
  id: string;
  externalId: string;
  name: string;
  series: string;
  listPriceMinor: number;
  currency: 'EUR';
  isActive: boolean;
};

/** How a product sells, used by the pipeline generator (not stored). */
export type ProductProfile = {
  key: string;
  productId: string;
  name: string;
  listPriceMinor: number;
  /** Relative number of opportunities. */
  popularity: number;
  /** Multiplies the rep's closing ratio. */
  winFactor: number;
  /** Typical days from created to closed. */
  cycleDays: number;
  isSoftware: boolean;
};

export const activityTypes: readonly ActivityType[] = [
  'first_meeting',
  'call',
  'meeting',
  'email',
  'proposal',
  'demo',
];

const segmentDefinitions = [
  ['A', 'Strategic', 'Large accounts with several buying centres; multi-year relationships.'],
  ['B', 'Core', 'Mid-sized accounts that buy the platform and services.'],
  ['C', 'Growth', 'Smaller accounts with growth potential; shorter cycles.'],
  ['D', 'Transactional', 'Small accounts served mostly remotely.'],
] as const;

// Per year, in the order of `activityTypes`: first_meeting, call, meeting, email, proposal, demo.
// Segment-A prospect: 8 calls and 3 meetings a year (DOMAIN.md); less and less from A to D.
const norms: Record<SegmentCode, Record<AccountStatus, readonly number[]>> = {
  A: { prospect: [3, 8, 3, 12, 1, 2], customer: [2, 10, 4, 12, 2, 1] },
  B: { prospect: [2, 6, 2, 8, 1, 1], customer: [1, 6, 3, 8, 1, 1] },
  C: { prospect: [1, 4, 1, 6, 1, 1], customer: [1, 4, 2, 6, 1, 0] },
  D: { prospect: [1, 2, 0, 4, 0, 0], customer: [0, 2, 1, 4, 0, 0] },
};

// key, name, series, list price in euros, popularity, win factor, cycle days, software?
const productDefinitions = [
  ['cloud-professional', 'Salesplan Cloud Professional', 'Cloud', 24_000, 20, 1, 75, true],
  ['cloud-enterprise', 'Salesplan Cloud Enterprise', 'Cloud', 60_000, 8, 0.8, 120, true],
  ['analytics-suite', 'Analytics Suite', 'Analytics', 18_000, 14, 0.95, 70, true],
  ['integration-hub', 'Integration Hub', 'Platform', 12_000, 12, 1, 60, true],
  ['implementation-services', 'Implementation Services', 'Services', 30_000, 14, 1.05, 90, false],
  ['training-package', 'Training Package', 'Services', 6_000, 10, 1.2, 40, false],
  ['premium-support', 'Premium Support Plan', 'Support', 9_000, 10, 1.25, 45, false],
  ['standard-support', 'Standard Support Plan', 'Support', 3_500, 12, 1.3, 35, false],
] as const;

export type DemoCatalogue = {
  segments: DemoSegment[];
  segmentNorms: DemoSegmentNorm[];
  products: DemoProduct[];
  productProfiles: ProductProfile[];
};

export function generateCatalogue(random: Random): DemoCatalogue {
  const segments = segmentDefinitions.map(([code, name, description]) => ({
    id: random.uuid(),
    code,
    name,
    description,
  }));
  const segmentNorms = segments.flatMap((segment) =>
    ACCOUNT_STATUSES.flatMap((accountStatus) =>
      activityTypes.map((activityType, i) => ({
        segmentId: segment.id,
        accountStatus,
        activityType,
        countPerYear: norms[segment.code][accountStatus][i] ?? 0,
      })),
    ),
  );
  const productProfiles: ProductProfile[] = [];
  const products = productDefinitions.map(
    ([key, name, series, euros, popularity, winFactor, cycleDays, isSoftware], i) => {
      const product = {
        id: random.uuid(),
        externalId: `DEMO-PRD-${String(i + 1).padStart(2, '0')}`,
        name,
        series,
        listPriceMinor: euros * 100,
        currency: 'EUR' as const,
        isActive: true,
      };
      productProfiles.push({
        key,
        productId: product.id,
        name,
        listPriceMinor: product.listPriceMinor,
        popularity,
        winFactor,
        cycleDays,
        isSoftware,
      });
      return product;
    },
  );
  return { segments, segmentNorms, products, productProfiles };
}

/** The yearly norm for a segment, account status and activity type. */
export function normPerYear(code: SegmentCode, status: AccountStatus, type: ActivityType): number {
  return norms[code][status][activityTypes.indexOf(type)] ?? 0;
}
