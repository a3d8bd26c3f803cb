import { afterAll } from 'vitest';
import { takeViolations } from './query-log';

// After each test file: every statement the application sent while serving a request is one
// Citus runs on one shard (src/test-setup/query-log.ts, docs/SCALING.md). Deliberate
// cross-organisation statements would be named here, and nowhere else; there are none today
// (sign-in and token lookups read the directory, a reference table).
const CROSS_ORGANISATION_STATEMENTS: readonly RegExp[] = [];

afterAll(async () => {
  const violations = await takeViolations(CROSS_ORGANISATION_STATEMENTS);
  if (violations.length > 0) {
    const lines = violations.map((v) => `- ${v.problem}: ${v.statement.slice(0, 400)}`);
    throw new Error(
      `${violations.length} statement(s) not bound to one organisation:\n${lines.join('\n')}`,
    );
  }
});
