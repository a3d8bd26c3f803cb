import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { listAccountsByEmail } from '../db/queries/users';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { FIRST_ADMIN_EMAIL, prepareFirstRun } from './first-run';
import { verifyPassword } from './passwords';

describe.each(testEngines())('first run on %s', (engine) => {
  let handle: DatabaseHandle;
  afterEach(() => handle.close());

  it('with demo data off, creates one admin whose one-time password works, and only once', async () => {
    handle = await createTestDatabase(engine);
    const first = await prepareFirstRun(handle.db, { loadDemo: false, today: '2026-11-25' });
    expect(first.kind).toBe('admin');
    if (first.kind !== 'admin') return;
    expect(first.password).toMatch(/^[\w-]{16}$/);
    const [admin] = await listAccountsByEmail(handle.db, FIRST_ADMIN_EMAIL, 2);
    expect(admin?.user.role).toBe('admin');
    expect(await verifyPassword(admin?.user.passwordHash ?? '', first.password)).toBe(true);
    expect(await prepareFirstRun(handle.db, { loadDemo: false, today: '2026-11-25' })).toEqual({
      kind: 'existing',
    });
  });
});
