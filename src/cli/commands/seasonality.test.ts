import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseRevenueHistoryCsv } from './seasonality';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run('node', ['bin/salesplan.js', ...args], { cwd: process.cwd() });

describe('salesplan seasonality', () => {
  it('weights the target by entered weights (50% in four months)', async () => {
    const { stdout } = await cli(
      'seasonality',
      '--target',
      '1200000',
      '--weights',
      '1,1,1,1,1,1,1,1,2,2,2,2',
      '--start',
      '2027-01',
      '--json',
    );
    const result = JSON.parse(stdout) as {
      months: { month: string; targetMinor: number }[];
      quarters: unknown[];
    };
    expect(result.months.map((m) => m.targetMinor)).toEqual([
      ...Array<number>(8).fill(7_500_000),
      ...Array<number>(4).fill(15_000_000),
    ]);
    expect(result.months[8]?.month).toBe('2027-09');
    expect(result.quarters).toEqual([
      { quarter: 'Q1', targetMinor: 22_500_000 },
      { quarter: 'Q2', targetMinor: 22_500_000 },
      { quarter: 'Q3', targetMinor: 30_000_000 },
      { quarter: 'Q4', targetMinor: 45_000_000 },
    ]);
  });

  it('derives weights from a revenue history CSV', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'salesplan-seasonality-'));
    const file = join(folder, 'history.csv');
    const rows = Array.from(
      { length: 12 },
      (_, i) => `2025-${String(i + 1).padStart(2, '0')},${i >= 8 ? '200.50' : '100.25'}`,
    );
    writeFileSync(file, `month,revenue\n${rows.join('\n')}\n`);
    const { stdout } = await cli(
      'seasonality',
      '--target',
      '1000',
      '--history',
      file,
      '--today',
      '2026-01-10',
      '--json',
    );
    const result = JSON.parse(stdout) as { source: string; months: { targetMinor: number }[] };
    expect(result.source).toBe('history');
    // 100.25 × 8 + 200.50 × 4 = 1,604: light months 6.25%, heavy months 12.5%.
    expect(result.months.map((m) => m.targetMinor)).toEqual([
      ...Array<number>(8).fill(6_250),
      ...Array<number>(4).fill(12_500),
    ]);
  });

  it('exits non-zero naming the flag for bad weights', async () => {
    await expect(
      cli('seasonality', '--target', '1000', '--weights', '1,2,3'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--weights: need 12 monthly weights, got 3'),
    });
  });

  it('weights a yen target in whole yen', async () => {
    const { stdout } = await cli(
      'seasonality',
      '--target',
      '1200000',
      '--currency',
      'JPY',
      '--start',
      '2027-01',
      '--json',
    );
    const result = JSON.parse(stdout) as { targetMinor: number; months: { targetMinor: number }[] };
    // ¥1,200,000 is 1,200,000 minor units (not 120,000,000), ¥100,000 a month when flat.
    expect(result.targetMinor).toBe(1_200_000);
    expect(result.months.map((m) => m.targetMinor)).toEqual(Array<number>(12).fill(100_000));
  });

  it('reads history with csv-parse: quoted commas stay in their cell, yen has no decimals', () => {
    expect(parseRevenueHistoryCsv('month,revenue\n2025-01,1500\n', '--history', 0)).toEqual([
      { month: '2025-01', revenueMinor: 1500 },
    ]);
    expect(() => parseRevenueHistoryCsv('month,revenue\n2025-01,10.5\n', '--history', 0)).toThrow(
      '--history line 2: "10.5" has more than 0 decimal places',
    );
    // One quoted cell with a comma is one cell (a thousands separator, refused as such).
    expect(() => parseRevenueHistoryCsv('month,revenue\n2025-01,"1,500"\n')).toThrow(
      '--history line 2: "1,500" is not a decimal amount',
    );
    expect(() => parseRevenueHistoryCsv('month,revenue\n2025-01,"10\n')).toThrow('--history');
  });

  it('reads the CSV strictly, naming the line to fix', () => {
    expect(parseRevenueHistoryCsv('"month","revenue"\r\n2025-01,"10.5"\r\n\r\n')).toEqual([
      { month: '2025-01', revenueMinor: 1050 },
    ]);
    expect(() => parseRevenueHistoryCsv('month,amount\n')).toThrow(
      '--history: the first line must be the header',
    );
    expect(() => parseRevenueHistoryCsv('month,revenue\n2025-13,1\n')).toThrow('--history line 2');
    expect(() => parseRevenueHistoryCsv('month,revenue\n2025-01,1,2\n')).toThrow(
      '--history line 2: needs exactly two columns',
    );
  });
});
