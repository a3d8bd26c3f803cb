import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { logCommand } from './query-log';

// Runs `salesplan …` as a user would, in a child process. Every statement the command sends is
// written to a statement log (SALESPLAN_STATEMENT_LOG, src/cli/database.ts) and read back into
// the query log, so the CLI's statements meet the same Citus check as the API's
// (src/test-setup/query-log-check.ts).

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/salesplan.js');

export type CommandResult = { code: number; stdout: string; stderr: string };

export async function salesplan(
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-statements-'));
  const log = path.join(logDir, 'statements.jsonl');
  let result: CommandResult;
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], {
      env: { ...process.env, ...env, SALESPLAN_STATEMENT_LOG: log },
      maxBuffer: 1 << 26,
    });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    result = { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n') : [];
  logCommand(
    `salesplan ${args[0] ?? ''}`,
    lines.filter(Boolean).map((line) => JSON.parse(line) as { sql: string; params: unknown[] }),
  );
  fs.rmSync(logDir, { recursive: true, force: true });
  return result;
}
