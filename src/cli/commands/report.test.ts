import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { salesplan as run } from '../../test-setup/cli';
import { openDatabase } from '../../db/client';
import { opportunities, stages, users } from '../../db/schema';
import { createOrganisation } from '../../services/organisations';
import { formatReportTable } from './report';

describe('report table', () => {
  it('prints money in the currency, rates as percentages and aligned columns', () => {
    const table = formatReportTable(
      [
        {
          id: 'rep-1',
          name: 'Ann Rep',
          won: 3,
          lost: 1,
          winRate: 0.75,
          wonRevenue: 1_234_567,
          averageWonDeal: 411_522,
          medianCycleDays: 40.5,
          unconverted: [],
        },
        {
          id: 'rep-2',
          name: 'Bo',
          won: 0,
          lost: 2,
          winRate: 0,
          wonRevenue: 0,
          averageWonDeal: null,
          medianCycleDays: null,
          unconverted: [{ currency: 'CHF', count: 3, amountMinor: 90_000 }],
        },
      ],
      'EUR',
    );
    expect(table).toBe(
      [
        'name     won  lost  winRate  wonRevenue  averageWonDeal  medianCycleDays',
        '-------  ---  ----  -------  ----------  --------------  ---------------',
        'Ann Rep    3     1    75.0%     €12,346          €4,115             40.5',
        'Bo         0     2     0.0%          €0               –                –',
        '',
        'Bo: 3 deals in CHF have no rate',
        '',
      ].join('\n'),
    );
  });

  it('prints totals in whole units of each currency: JPY has no decimals, BHD three', () => {
    const row = (wonRevenue: number) => ({ name: 'Ann', wonRevenue });
    // ¥1,234,567 is 1,234,567 minor units; BHD 1,234.567 is 1,234,567 fils, BHD 1,235 in whole.
    expect(formatReportTable([row(1_234_567)], 'JPY').split('\n')[2]).toBe('Ann   ¥1,234,567');
    expect(formatReportTable([row(1_234_567)], 'BHD').split('\n')[2]).toMatch(
      /^Ann {4}BHD\s1,235$/,
    );
  });

  it('turns the pipeline stages into one column each', () => {
    const table = formatReportTable(
      [
        {
          id: 'rep-1',
          name: 'Ann Rep',
          openCount: 3,
          openValue: 300_000,
          weightedValue: 90_000,
          averageAgeDays: 12,
          byStage: [
            { stage: 'Qualify', count: 2, value: 200_000 },
            { stage: 'Propose', count: 1, value: 100_000 },
          ],
        },
      ],
      'USD',
    );
    const [header, , row] = table.split('\n');
    expect(header).toBe(
      'name     openCount  openValue  weightedValue  averageAgeDays  Qualify  Propose',
    );
    expect(row).toBe(
      'Ann Rep          3     $3,000           $900              12        2        1',
    );
  });

  it('says so when there are no rows', () => {
    expect(formatReportTable([], 'USD')).toBe('No rows.\n');
  });
});

describe('salesplan report arguments', () => {
  const env = {
    SALESPLAN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-report-')),
    DATABASE_URL: '',
  };
  const salesplan = (args: string[]) => run(args, env);

  it('refuses an unknown report, group or date with the option and the reason', async () => {
    const kind = await salesplan(['report', 'forecast']);
    expect(kind.code).not.toBe(0);
    expect(kind.stderr).toContain('<report>');
    const by = await salesplan(['report', 'win-rates', '--by', 'colour']);
    expect(by.code).not.toBe(0);
    expect(by.stderr).toContain('--by');
    const to = await salesplan([
      'report',
      'win-rates',
      '--from',
      '2026-05-01',
      '--to',
      '2026-04-01',
    ]);
    expect(to.code).not.toBe(0);
    expect(to.stderr).toContain('--to: is before --from');
  });
});

describe('salesplan report in a JPY organisation (CLI, embedded database)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-report-jpy-'));

  it('prints yen without decimals and never divides by 100', async () => {
    const handle = await openDatabase({ dataDir, purpose: 'report test' });
    try {
      await handle.migrate();
      const db = handle.db;
      const org = await createOrganisation(db, { slug: 'yen', name: 'Yen', currency: 'JPY' });
      const [rep] = await db
        .insert(users)
        .values({ orgId: org.id, email: 'ken@yen.test', name: 'Ken', role: 'rep' })
        .returning();
      const wonStage = (await db.select().from(stages).where(eq(stages.orgId, org.id))).find(
        (stage) => stage.kind === 'won',
      );
      // ¥1,500,000 and ¥500,001 won: ¥2,000,001 in all, ¥1,000,001 on average (half up).
      await db.insert(opportunities).values(
        [1_500_000, 500_001].map((amountMinor) => ({
          orgId: org.id,
          name: `Deal ${amountMinor}`,
          ownerId: rep?.id ?? '',
          amountMinor,
          currency: 'JPY',
          stageId: wonStage?.id ?? '',
          createdOn: '2026-01-01',
          closedOn: '2026-01-21',
        })),
      );
    } finally {
      await handle.close();
    }
    const { stdout } = await run(['report', 'win-rates', '--today', '2026-03-11'], {
      SALESPLAN_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(stdout.split('\n')[2]).toMatch(/^Ken\s+2\s+0\s+100\.0%\s+¥2,000,001\s+¥1,000,001\s+20$/);
  }, 120_000);
});
