import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import type { DatabaseHandle } from '../client';
import { organisations } from '../schema';
import { findOrganisation } from './organisations';

describe.each(testEngines())('the organisation with this slug, or the only one (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('asks for a slug unless there is exactly one organisation', async () => {
    const db = database.db;
    await expect(findOrganisation(db, undefined, { whenNone: 'add one' })).rejects.toThrow(
      new ValidationError({ field: '--org', reason: 'add one' }),
    );
    await db.insert(organisations).values({ slug: 'acme', name: 'Acme' });
    expect(await findOrganisation(db, undefined)).toMatchObject({ slug: 'acme' });
    await db.insert(organisations).values({ slug: 'beta', name: 'Beta' });
    await expect(findOrganisation(db, undefined)).rejects.toThrow(
      '--org: there are several organisations: say which one',
    );
    expect(await findOrganisation(db, 'beta')).toMatchObject({ slug: 'beta', name: 'Beta' });
    await expect(findOrganisation(db, 'gamma')).rejects.toThrow(NotFoundError);
  });
});
