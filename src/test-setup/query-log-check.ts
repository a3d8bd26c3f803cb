import { afterAll } from 'vitest';
import { takeViolations } from './query-log';

// After each test file: every statement the application sent while serving a request is one
// Citus runs on one shard, and each request stays within one organisation
// (src/test-setup/query-log.ts, docs/SCALING.md). The deliberate exceptions are named here, and
// nowhere else.
const CROSS_ORGANISATION = {
  statements: [],
  requests: [
    // Sign-in with an email that has an account in several organisations tries each in turn
    // (at most five, one statement each, no transaction): the password picks the account.
    /^POST \/api\/session$/,
  ],
};

afterAll(async () => {
  const violations = await takeViolations(CROSS_ORGANISATION);
  if (violations.length > 0) {
    const lines = violations.map((v) => `- ${v.problem}: ${v.statement.slice(0, 400)}`);
    throw new Error(
      `${violations.length} statement(s) not bound to one organisation:\n${lines.join('\n')}`,
    );
  }
});
