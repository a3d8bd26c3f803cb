import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Database } from '../db/client';
import { organisations } from '../db/schema';
import { todayIn } from './clock';
import { DEMO_PASSWORD, DEMO_TIME_ZONE, demoSignIns, loadDemoData } from './demo/load';
import { createOrganisation } from './organisations';
import { addUser } from './users';

export type FirstRun =
  | { kind: 'existing' }
  | {
      kind: 'demo';
      password: string;
      signIns: readonly { email: string; role: string }[];
      seconds: number;
    }
  | { kind: 'admin'; email: string; password: string };

export const FIRST_ADMIN_EMAIL = 'admin@salesplan.local';

/**
 * On an empty database: the demo organisation, or (with demo data off) an empty organisation with
 * one admin whose generated password is returned to be shown once. Otherwise nothing.
 */
export async function prepareFirstRun(
  db: Database,
  /** `today` anchors the demo (default: today in the demo's time zone). */
  options: { loadDemo: boolean; today?: string },
): Promise<FirstRun> {
  const [row] = await db.select({ value: count() }).from(organisations);
  if ((row?.value ?? 0) > 0) return { kind: 'existing' };
  if (options.loadDemo) {
    const started = Date.now();
    await loadDemoData(db, { anchorDate: options.today ?? todayIn(DEMO_TIME_ZONE) });
    return {
      kind: 'demo',
      password: DEMO_PASSWORD,
      signIns: demoSignIns,
      seconds: (Date.now() - started) / 1000,
    };
  }
  const password = randomBytes(12).toString('base64url');
  await db.transaction(async (tx) => {
    const org = await createOrganisation(tx, { slug: 'main', name: 'My organisation' });
    await addUser(tx, org.id, {
      email: FIRST_ADMIN_EMAIL,
      name: 'Administrator',
      role: 'admin',
      password,
    });
  });
  return { kind: 'admin', email: FIRST_ADMIN_EMAIL, password };
}
