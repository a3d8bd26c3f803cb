import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layer arrows of docs/ARCHITECTURE.md are held by eslint.config.mjs. Each case plants one
// import in a file of a layer and asserts the rule that must refuse it (or that none does).

const cwd = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd });

async function lintRules(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, severity }) => ({ ruleId, severity }));
}

const pathRule = [{ ruleId: 'import-x/no-restricted-paths', severity: 2 }];
const importRule = [{ ruleId: 'no-restricted-imports', severity: 2 }];

describe('layer boundaries', () => {
  it.each([
    ['src/domain/planted.ts', "import x from 'node:fs';", importRule],
    ['src/domain/planted.ts', "import { Client as x } from 'pg';", importRule],
    ['src/domain/planted.ts', "import { z as x } from 'zod';", importRule],
    ['src/domain/planted.ts', "import { x } from '../db/client';", pathRule],
    ['src/domain/planted.test.ts', "import x from 'node:fs';", importRule],
    ['src/db/queries/planted.ts', "import { x } from '../../services/opportunities';", pathRule],
    ['src/http/routes/planted.ts', "import { x } from '../../cli/commands/funnel';", pathRule],
    ['src/cli/commands/planted.ts', "import { x } from '../../http/server';", pathRule],
    ['src/cli/main.ts', "import { x } from '../http/server';", pathRule],
  ])('refuses in %s: %s', async (filePath, importLine, expected) => {
    const code = `${importLine}\nexport const planted = [x];\n`;
    expect(await lintRules(filePath, code)).toEqual(expected);
  });

  it('refuses an import cycle', async () => {
    // funnel.ts imports funnel-counts.ts; the planted funnel-counts.ts imports it back. (The rule
    // does not follow type-only imports: those cycles are kept out by review.)
    const code = "import { reverseFunnel } from './funnel';\nexport const x = [reverseFunnel];\n";
    expect(await lintRules('src/domain/funnel-counts.ts', code)).toEqual([
      { ruleId: 'import-x/no-cycle', severity: 2 },
    ]);
  });

  it.each([
    ['src/domain/planted.ts', "import { x } from './money';"],
    ['src/domain/planted.test.ts', "import { x } from 'vitest';"],
    ['src/domain/planted.test.ts', "import { x } from 'fast-check';"],
    ['src/cli/commands/serve.ts', "import { x } from '../../http/server';"],
    ['src/db/queries/planted.ts', "import { x } from '../../domain/money';"],
    ['src/http/routes/planted.ts', "import { x } from '../../services/opportunities';"],
  ])('allows in %s: %s', async (filePath, importLine) => {
    const code = `${importLine}\nexport const planted = [x];\n`;
    expect(await lintRules(filePath, code)).toEqual([]);
  });
});
