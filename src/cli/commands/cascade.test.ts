import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run('node', ['bin/salesplan.js', ...args], { cwd: process.cwd() });

function writeInput(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'salesplan-cascade-')), 'cascade.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('salesplan cascade', () => {
  it('cascades a specialised organisation to rep targets (seed 001)', async () => {
    const file = writeInput({
      target: '1000000',
      mix: [
        { segment: 'A', share: 0.35 },
        { segment: 'B', share: 0.25 },
      ],
      model: 'specialised',
      reps: [
        { id: 'ana', segments: ['A'] },
        { id: 'ben', segments: [{ segment: 'B' }] },
      ],
    });
    const { stdout } = await cli('cascade', '--input', file, '--json');
    const result = JSON.parse(stdout) as {
      reps: { repId: string; targetMinor: number }[];
      unassignedMinor: number;
    };
    expect(result.reps.map((rep) => [rep.repId, rep.targetMinor])).toEqual([
      ['ana', 35_000_000],
      ['ben', 25_000_000],
    ]);
    expect(result.unassignedMinor).toBe(40_000_000);
  });

  it('reads and prints a yen target in whole yen', async () => {
    const file = writeInput({
      target: '1000000',
      currency: 'JPY',
      mix: [{ segment: 'A', share: 0.35 }],
      model: 'specialised',
      reps: [{ id: 'ana', segments: ['A'] }],
    });
    const json = JSON.parse((await cli('cascade', '--input', file, '--json')).stdout) as {
      reps: { targetMinor: number }[];
    };
    // ¥1,000,000 is 1,000,000 minor units: ana holds 35% of it, ¥350,000.
    expect(json.reps[0]?.targetMinor).toBe(350_000);
    const { stdout } = await cli('cascade', '--input', file);
    expect(stdout).toContain('Target no rep carries: 650000\n');
    const fraction = writeInput({
      target: '10.5',
      currency: 'JPY',
      mix: [],
      model: 'territory',
      reps: [],
    });
    await expect(cli('cascade', '--input', fraction)).rejects.toMatchObject({
      stderr: expect.stringContaining('target: "10.5" has more than 0 decimal places'),
    });
  });

  it('prints a table of reps by segment', async () => {
    const file = writeInput({
      target: 1000,
      mix: [{ segment: 'A', share: 0.5 }],
      model: 'territory',
      reps: [{ id: 'ana' }, { id: 'ben' }],
    });
    const { stdout } = await cli('cascade', '--input', file);
    expect(stdout).toBe(
      [
        'rep                            A           other           total',
        'ana                       250.00          250.00          500.00',
        'ben                       250.00          250.00          500.00',
        'segment                   500.00          500.00         1000.00',
        '',
      ].join('\n'),
    );
  });

  it('exits non-zero naming the field of the file to fix', async () => {
    const file = writeInput({
      target: 1000,
      mix: [{ segment: 'A', share: 1.5 }],
      model: 'territory',
      reps: [],
    });
    await expect(cli('cascade', '--input', file)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('mix[0].share'),
    });
    await expect(cli('cascade', '--input', writeInput('{ nope'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--input:'),
    });
  });
});
