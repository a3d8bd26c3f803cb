import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reverseFunnel } from '../../domain/funnel';
import { funnelJson } from './funnel';

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

  it('shows the team ratios beside small samples, as the domain funnel does', async () => {
    const { stdout } = await cli(
      ...mark,
      '--won-deals',
      '3',
      '--lost-deals',
      '2',
      '--opportunities',
      '5',
      '--first-meetings',
      '10',
      '--team-closing-ratio',
      '0.4',
      '--team-meeting-ratio',
      '35%',
      '--json',
    );
    const plan = JSON.parse(stdout) as ReturnType<typeof funnelJson>;
    expect(plan).toEqual(
      funnelJson(
        reverseFunnel({
          goalMinor: 600_000_00,
          wonMinor: 120_000_00,
          averageDealMinor: 25_000_00,
          closingRatio: 0.25,
          closingSample: { won: 3, lost: 2 },
          meetingToOpportunityRatio: 0.4,
          meetingSample: { opportunities: 5, firstMeetings: 10 },
          salesCycleDays: 45,
          periodStart: '2026-07-01',
          periodEnd: '2027-06-30',
          today: '2026-11-25',
          callsPerMeeting: null,
          teamClosingRatio: 0.4,
          teamMeetingToOpportunityRatio: 0.35,
        }),
      ),
    );
    expect(plan.ranges.map((range) => [range.ratio, range.sampleSize, range.teamRatio])).toEqual([
      ['closingRatio', 5, 0.4],
      ['meetingToOpportunityRatio', 10, 0.35],
    ]);
    expect(plan.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("The team's ratio is 40%."),
      expect.stringContaining("The team's ratio is 35%."),
    ]);
  });

  it('refuses half a sample and a team ratio outside 0 to 1, naming the flag', async () => {
    const halfSample = await fails(...mark, '--won-deals', '3');
    expect(halfSample).toEqual({
      code: 2,
      stderr: expect.stringContaining('--lost-deals: is required'),
    });
    const badTeam = await fails(...mark, '--team-meeting-ratio', '140%');
    expect(badTeam).toEqual({
      code: 2,
      stderr: expect.stringContaining('--team-meeting-ratio: "140%" is not a rate'),
    });
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

  it('reads and prints amounts with the currency’s own decimals (JPY has none)', async () => {
    // Mark's example in yen: ¥600,000 goal, ¥120,000 won, ¥25,000 deals; never 100× off.
    const yen = await cli(...mark, '--currency', 'JPY', '--json');
    expect(JSON.parse(yen.stdout)).toMatchObject({ remainingGoalMinor: 480_000, dealsToWin: 20 });
    const table = await cli(...mark, '--currency', 'JPY');
    expect(table.stdout).toContain('Goal still to win        ¥480,000\n');
    const euros = await cli(...mark);
    expect(euros.stdout).toContain('Goal still to win        €480,000\n');
    const fraction = await fails(
      ...mark.map((arg) => (arg === '25000' ? '25000.5' : arg)),
      '--currency',
      'JPY',
    );
    expect(fraction.stderr).toContain('--deal-size: "25000.5" has more than 0 decimal places');
    const unknown = await fails(...mark, '--currency', 'yen');
    expect(unknown.stderr).toContain('--currency: must be a 3-letter ISO currency code');
  });
});
