import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatReportTable } from './report';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/salesplan.js');

describe('report table', () => {
  it('prints money in the currency, rates as percentages and aligned columns', () => {
    const table = formatReportTable(
      [
        {
          key: 'Ann Rep',
          won: 3,
          lost: 1,
          winRate: 0.75,
          wonRevenue: 1_234_567,
          averageWonDeal: 411_522,
          medianCycleDays: 40.5,
        },
        {
          key: 'Bo',
          won: 0,
          lost: 2,
          winRate: 0,
          wonRevenue: 0,
          averageWonDeal: null,
          medianCycleDays: null,
        },
      ],
      'EUR',
    );
    expect(table).toBe(
      [
        'key      won  lost  winRate  wonRevenue  averageWonDeal  medianCycleDays',
        '-------  ---  ----  -------  ----------  --------------  ---------------',
        'Ann Rep    3     1    75.0%     €12,346          €4,115             40.5',
        'Bo         0     2     0.0%          €0               –                –',
        '',
      ].join('\n'),
    );
  });

  it('turns the pipeline stages into one column each', () => {
    const table = formatReportTable(
      [
        {
          key: 'Ann Rep',
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
      'key      openCount  openValue  weightedValue  averageAgeDays  Qualify  Propose',
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
    ...process.env,
    SALESPLAN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-report-')),
    DATABASE_URL: '',
  };
  const salesplan = async (args: string[]) => {
    try {
      await run('node', [bin, ...args], { env });
      return { code: 0, stderr: '' };
    } catch (error) {
      return error as { code: number; stderr: string };
    }
  };

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
