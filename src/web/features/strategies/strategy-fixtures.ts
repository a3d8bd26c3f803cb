import type { ReferenceData } from '../../../schemas/reference';
import type { Strategy } from '../../../schemas/strategies';
import type { User } from '../../../schemas/users';
import { reference as baseReference } from '../../test-utils';

// A strategy as the API answers it, and the reference lists and users the editor picks from.

export const year = new Date().getFullYear();

export const segmentA = '00000000-0000-4000-8000-0000000000a1';
export const segmentB = '00000000-0000-4000-8000-0000000000b1';
export const rita = '00000000-0000-4000-8000-000000000101';
export const sam = '00000000-0000-4000-8000-000000000102';

export const reference: ReferenceData = {
  ...baseReference,
  segments: [
    { id: segmentA, code: 'A', name: 'Segment A', description: '' },
    { id: segmentB, code: 'B', name: 'Segment B', description: '' },
  ],
  activityTypes: [
    { key: 'call', label: 'Call', hours: 0.5, isSystem: true },
    { key: 'meeting', label: 'Meeting', hours: 1, isSystem: true },
  ],
};

function user(id: string, name: string): User {
  return {
    id,
    email: `${name.toLowerCase()}@example.com`,
    name,
    role: 'rep',
    managerId: null,
    managerName: null,
    territoryId: null,
    isActive: true,
    canSignIn: true,
    createdAt: '2026-01-01T00:00:00Z',
    version: 1,
  };
}

export const users = { items: [user(rita, 'Rita'), user(sam, 'Sam')], total: 2 };

/** Target 1,000.00 EUR: A 60% held by Rita and Sam, B 30% held by nobody, 10% other. */
export function makeStrategy(overrides: Partial<Strategy> = {}): Strategy {
  return {
    year,
    startMonth: 1,
    targetMinor: 1_000_00,
    currency: 'EUR',
    model: 'specialised',
    version: 3,
    updatedAt: `${year}-01-01T00:00:00Z`,
    segmentMix: [
      { segmentId: segmentA, shareBasisPoints: 6000 },
      { segmentId: segmentB, shareBasisPoints: 3000 },
    ],
    assignments: [
      { repId: rita, segmentId: segmentA, weight: 2, repName: 'Rita' },
      { repId: sam, segmentId: segmentA, weight: 1, repName: 'Sam' },
    ],
    norms: [
      { segmentId: segmentA, accountStatus: 'prospect', activityType: 'call', countPerYear: 8 },
    ],
    seasonality: {
      kind: 'flat',
      enteredWeights: null,
      weights: Array.from({ length: 12 }, () => 1 / 12),
      source: 'flat',
      yearsUsed: 0,
      reason: null,
      unconverted: [],
      months: Array.from({ length: 12 }, (_, m) => ({
        month: `${year}-${String(m + 1).padStart(2, '0')}`,
        // 1,000.00 in 12 parts by largest remainder: four months of 83.34, eight of 83.33.
        targetMinor: m < 4 ? 83_34 : 83_33,
      })),
      quarters: [
        { quarter: 1, targetMinor: 250_02 },
        { quarter: 2, targetMinor: 250_00 },
        { quarter: 3, targetMinor: 249_99 },
        { quarter: 4, targetMinor: 249_99 },
      ],
    },
    cascade: {
      targetMinor: 1_000_00,
      segments: [
        {
          segmentId: segmentA,
          code: 'A',
          name: 'Segment A',
          share: 0.6,
          targetMinor: 600_00,
          coveredBy: 'specialised',
        },
        {
          segmentId: segmentB,
          code: 'B',
          name: 'Segment B',
          share: 0.3,
          targetMinor: 300_00,
          coveredBy: 'none',
        },
        {
          segmentId: 'other',
          code: 'other',
          name: 'Other',
          share: 0.1,
          targetMinor: 100_00,
          coveredBy: 'none',
        },
      ],
      reps: [
        {
          repId: rita,
          repName: 'Rita',
          model: 'specialised',
          targetMinor: 400_00,
          segments: [
            { segmentId: segmentA, targetMinor: 400_00 },
            { segmentId: segmentB, targetMinor: 0 },
            { segmentId: 'other', targetMinor: 0 },
          ],
        },
        {
          repId: sam,
          repName: 'Sam',
          model: 'specialised',
          targetMinor: 200_00,
          segments: [
            { segmentId: segmentA, targetMinor: 200_00 },
            { segmentId: segmentB, targetMinor: 0 },
            { segmentId: 'other', targetMinor: 0 },
          ],
        },
      ],
      otherMinor: 100_00,
      uncoveredSegments: [segmentB],
      unassignedMinor: 400_00,
    },
    ...overrides,
  };
}
