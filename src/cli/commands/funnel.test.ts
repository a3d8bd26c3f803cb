import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run('node', ['bin/salesplan.js', ...args], { cwd: process.cwd() });

async function fails(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await cli(...args);
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error('the command should have failed');
}

const mark = [
  'funnel',
  '--goal',
  '600000',
  '--won',
  '120000',
  '--deal-size',
  '25000',
  '--win-rate',
  '25%',
  '--meeting-rate',
  '0.4',
  '--cycle-days',
  '45',
  '--from',
  '2026-07-01',
  '--to',
  '2027-06-30',
  '--today',
  '2026-11-25',
];

describe('salesplan funnel', () => {
  it('prints the funnel as JSON, rounded and exact', async () => {
    const { stdout } = await cli(...mark, '--calls-per-meeting', '6', '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      remainingGoalMinor: 48_000_000,
      dealsToWin: 20,
      opportunitiesNeeded: 80,
      firstMeetingsNeeded: 200,
      exact: { dealsToWin: 19.2, opportunitiesNeeded: 76.8 },
      weeks: 25,
      meetingsPerWeek: { exact: 8, rounded: 8 },
      callsPerWeek: { exact: 48, rounded: 48 },
      findings: [],
    });
  });

  it('reports a goal already met with zero meetings and exit 0', async () => {
    const { stdout } = await cli(
      ...mark.map((arg) => (arg === '120000' ? '600000.01' : arg)),
      '--json',
    );
    const plan = JSON.parse(stdout) as Record<string, unknown>;
    expect([plan.firstMeetingsNeeded, plan.meetingsPerWeek, plan.callsPerWeek]).toEqual([
      0,
      { exact: 0, rounded: 0 },
      null,
    ]);
    expect(plan.findings).toEqual([
      {
        code: 'goal_met',
        severity: 'info',
        message:
          'The goal is already met by the revenue won in the period: no first meetings are needed.',
      },
    ]);
  });

  it('exits non-zero naming the bad or missing flag', async () => {
    const badRate = await fails(...mark.map((arg) => (arg === '25%' ? '125%' : arg)));
    expect(badRate).toEqual({
      code: 2,
      stderr: expect.stringContaining('--win-rate: "125%" is not a rate'),
    });
    const missingGoal = await fails(
      'funnel',
      '--deal-size',
      '1',
      '--win-rate',
      '1',
      '--meeting-rate',
      '1',
    );
    expect(missingGoal.stderr).toContain('--goal: is required');
  });
});
