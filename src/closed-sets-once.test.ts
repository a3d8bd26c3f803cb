import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES } from './domain/account';
import { ACTIVITY_STATUSES } from './domain/activity';
import { FUNNEL_INPUT_SOURCES } from './domain/funnel-ratios';
import { CSV_FORMATS } from './domain/csv-export';
import {
  CRITERION_KINDS,
  KEY_ACCOUNT_OBJECTIVE_TERMS,
  KEY_ACCOUNT_STEP_STATUSES,
} from './domain/key-accounts';
import { CRITERION_SOURCES, KEY_ACCOUNT_OVERRIDES } from './domain/key-accounts-model';
import { BENCHMARK_SOURCES, BENCHMARK_STATUSES } from './domain/key-accounts-plan';
import { POTENTIAL_BASES } from './domain/key-accounts-whitespace';
import { OPPORTUNITY_OUTCOMES, STAGE_KINDS } from './domain/opportunity';
import { PIPELINE_FLAGS, PLAN_FILTERS } from './domain/pipeline-flags';
import {
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  REP_PLAN_STATES,
  SIGNING_PARTIES,
} from './domain/rep-plan-states';
import { ROLES } from './domain/roles';
import { SEASONALITY_SOURCES } from './domain/seasonality';
import {
  ORGANISATION_MODELS,
  REP_MODELS,
  SEGMENT_COVERAGES,
  SPECIALISED_SPLITS,
  TERRITORY_SPLITS,
} from './domain/strategy-cascade';
import { TEAM_GOAL_AREAS, TEAM_PLAN_ITEM_KINDS } from './domain/team-plans';
import { WEEKLY_PLAN_BASES } from './domain/weekly-plan';

// Closed sets are declared once, in src/domain; everything else imports the array or its type.
// This finds a set spelled out again outside the domain, as a union ('a' | 'b') or an array
// (['a', 'b']), so a copy cannot drift from the domain's list unnoticed.

const sets = {
  ACCOUNT_STATUSES,
  ACTIVITY_STATUSES,
  BENCHMARK_SOURCES,
  BENCHMARK_STATUSES,
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  CRITERION_KINDS,
  CRITERION_SOURCES,
  CSV_FORMATS,
  FUNNEL_INPUT_SOURCES,
  KEY_ACCOUNT_OBJECTIVE_TERMS,
  KEY_ACCOUNT_OVERRIDES,
  KEY_ACCOUNT_STEP_STATUSES,
  OPPORTUNITY_OUTCOMES,
  ORGANISATION_MODELS,
  PIPELINE_FLAGS,
  PLAN_FILTERS,
  POTENTIAL_BASES,
  REP_MODELS,
  REP_PLAN_STATES,
  ROLES,
  SEASONALITY_SOURCES,
  SEGMENT_COVERAGES,
  SIGNING_PARTIES,
  SPECIALISED_SPLITS,
  STAGE_KINDS,
  TEAM_GOAL_AREAS,
  TEAM_PLAN_ITEM_KINDS,
  TERRITORY_SPLITS,
  WEEKLY_PLAN_BASES,
};

const src = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** `file:line: SET` for each spelling of a set outside src/domain. */
function copiesOutsideDomain(files: readonly { name: string; text: string }[]): string[] {
  return files.flatMap(({ name, text }) =>
    Object.entries(sets).flatMap(([setName, values]) => {
      const quoted = values.map((value) => `'${value}'`);
      const escape = (text: string) => text.replace(/[|[\]]/g, (c) => `\\${c}`);
      // A union with no further member on either side: 'won' | 'lost' | 'x' is another set.
      const union = `(?<!\\| )${escape(quoted.join(' | '))}(?! \\|)`;
      const spellings = [union, escape(`[${quoted.join(', ')}]`)];
      return spellings.flatMap((spelling) =>
        [...text.matchAll(new RegExp(spelling, 'g'))].map(
          (match) => `${name}:${text.slice(0, match.index).split('\n').length}: ${setName}`,
        ),
      );
    }),
  );
}

describe('closed sets', () => {
  it('are spelled out only in src/domain', () => {
    const files = sourceFiles(src)
      .filter((file) => !file.startsWith(path.join(src, 'domain') + path.sep))
      .filter((file) => file !== fileURLToPath(import.meta.url))
      .map((file) => ({ name: path.relative(src, file), text: readFileSync(file, 'utf8') }));
    expect(copiesOutsideDomain(files)).toEqual([]);
  });

  it('finds a planted copy, as a union or as an array', () => {
    const planted = [
      { name: 'x.ts', text: "type Kind = 'open' | 'won' | 'lost';\n" },
      { name: 'y.ts', text: "\nconst roles = ['rep', 'manager', 'leader', 'admin'] as const;" },
      { name: 'z.ts', text: "type Longer = 'won' | 'lost' | 'pending';" },
    ];
    expect(copiesOutsideDomain(planted)).toEqual(['x.ts:1: STAGE_KINDS', 'y.ts:2: ROLES']);
  });
});
