import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { type DatabaseHandle, queryRows } from './client';
import { inOneRoundTrip } from './round-trip';

describe.each(testEngines())('inOneRoundTrip on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  const numbers = sql`select n, (n * 10)::bigint as tens, n % 2 = 0 as "isEven", 'x' || n as label
    from generate_series(1, 5) n order by n desc`;
  const nothing = sql`select 1 as n where false`;

  it('sends the statements issued together as one, each with its rows in order', async () => {
    const alone = await queryRows<Record<string, unknown>>(handle.db, numbers);
    const statements: string[] = [];
    const stop = handle.onQuery((text) => statements.push(text));
    const [together, empty, nested] = await inOneRoundTrip(handle.db, (batched) =>
      Promise.all([
        queryRows<Record<string, unknown>>(batched, numbers),
        queryRows(batched, nothing),
        inOneRoundTrip(batched, (inner) =>
          Promise.all([queryRows(inner, numbers), queryRows(inner, nothing)]),
        ),
      ]),
    );
    stop();
    expect(statements).toHaveLength(1);
    const plain = (rows: Record<string, unknown>[]) =>
      rows.map((row) => ({ ...row, n: Number(row.n), tens: Number(row.tens) }));
    expect(plain(together)).toEqual(plain(alone));
    expect(plain(together).map((row) => row.n)).toEqual([5, 4, 3, 2, 1]);
    expect(empty).toEqual([]);
    expect(plain(nested[0] as Record<string, unknown>[])).toEqual(plain(alone));
    expect(nested[1]).toEqual([]);
  });

  it('fails every statement of the batch when one fails', async () => {
    const result = inOneRoundTrip(handle.db, (batched) =>
      Promise.all([queryRows(batched, numbers), queryRows(batched, sql`select 1 / 0 as n`)]),
    );
    await expect(result).rejects.toThrow();
  });
});
