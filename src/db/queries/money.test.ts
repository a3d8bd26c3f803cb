import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar';
import { type ExchangeRate, minorUnitRate, sumConverted } from '../../domain/exchange-rates';
import { currencyFractionDigits } from '../../domain/money-format';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import type { DatabaseHandle } from '../client';
import { exchangeRates, opportunities, organisations, stages, users } from '../schema';
import { mergeUnconverted, sumConvertedBy } from './money';

// The SQL conversion (one lateral join per deal) against the domain's definition
// (sumConverted): a small random organisation with mixed currencies and rates, same answer.

const CURRENCIES = ['EUR', 'USD', 'JPY', 'BHD', 'CHF'] as const;
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'] as const;
const today = '2026-03-11';

// Rates up to 200 and amounts up to 10^8 keep every total a safe integer.
const rateText = fc
  .tuple(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 3, max: 9 }))
  .map(([units, scale]) => {
    const digits = String(units).padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

const organisation = fc.record({
  currency: fc.constantFrom('EUR', 'JPY', 'BHD'),
  rates: fc.uniqueArray(
    fc.record({
      currency: fc.constantFrom(...CURRENCIES),
      month: fc.constantFrom(...MONTHS),
      rate: rateText,
    }),
    { selector: (rate) => `${rate.currency} ${rate.month}`, maxLength: 10 },
  ),
  deals: fc.array(
    fc.record({
      currency: fc.constantFrom(...CURRENCIES),
      amountMinor: fc.integer({ min: 0, max: 100_000_000 }),
      isWon: fc.boolean(),
      closedOn: fc.constantFrom(
        '2025-11-30',
        '2025-12-01',
        '2026-01-15',
        '2026-02-28',
        '2026-03-01',
      ),
    }),
    { maxLength: 25 },
  ),
});

describe.each(testEngines())('money conversion in SQL (%s)', (engine) => {
  let database: DatabaseHandle;
  let runs = 0;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('sums what the domain sums, and leaves out and counts the same deals', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async ({ currency, rates, deals }) => {
        const db = database.db;
        runs += 1;
        const [org] = await db
          .insert(organisations)
          .values({ slug: `fx-${runs}`, name: 'FX', currency })
          .returning();
        if (!org) throw new Error('no organisation');
        const [rep] = await db
          .insert(users)
          .values({ orgId: org.id, email: `rep@fx-${runs}.test`, name: 'Rep', role: 'rep' })
          .returning();
        const orgStages = await db
          .insert(stages)
          .values([
            { orgId: org.id, name: 'Open', position: 1, probabilityPercent: 50, kind: 'open' },
            { orgId: org.id, name: 'Won', position: 2, probabilityPercent: 100, kind: 'won' },
          ])
          .returning();
        const stageOf = (kind: 'won' | 'open') => orgStages.find((s) => s.kind === kind)?.id ?? '';
        // The service never stores a rate for the organisation's own currency.
        const stored: ExchangeRate[] = rates.filter((rate) => rate.currency !== currency);
        if (stored.length > 0) {
          await db.insert(exchangeRates).values(
            stored.map((rate) => ({
              orgId: org.id,
              currency: rate.currency,
              month: `${rate.month}-01`,
              rate: rate.rate,
              minorUnitRate: minorUnitRate(
                rate.rate,
                currencyFractionDigits(rate.currency),
                currencyFractionDigits(currency),
              ),
            })),
          );
        }
        if (deals.length > 0) {
          await db.insert(opportunities).values(
            deals.map((deal, index) => ({
              orgId: org.id,
              name: `deal ${index}`,
              ownerId: rep?.id ?? '',
              amountMinor: deal.amountMinor,
              currency: deal.currency,
              stageId: stageOf(deal.isWon ? 'won' : 'open'),
              createdOn: '2025-11-01',
              closedOn: deal.isWon ? deal.closedOn : null,
            })),
          );
        }
        const totals = await sumConvertedBy(db, org.id, {
          key: sql`s.kind`,
          where: sql`true`,
          today,
        });
        const expected = sumConverted(
          deals.map((deal) => ({
            amountMinor: deal.amountMinor,
            currency: deal.currency,
            month: deal.isWon ? monthOf(deal.closedOn) : monthOf(today),
          })),
          stored,
          currency,
        );
        const totalMinor = [...totals.values()].reduce((sum, t) => sum + t.totalMinor, 0);
        expect({ totalMinor, unconverted: mergeUnconverted(totals.values()) }).toEqual({
          totalMinor: expected.total.amountMinor,
          unconverted: expected.unconverted,
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
