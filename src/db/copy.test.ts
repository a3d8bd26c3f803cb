import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { type DatabaseHandle, queryRows } from './client';
import { copyField, copyRows, copyText } from './copy';

// Values that COPY's text format must escape, and some it must leave alone.
const awkward = [
  'plain',
  '',
  'tab\there',
  'line\nbreak',
  'carriage\r\nreturn',
  'back\\slash',
  '\\N',
  '\\',
  'ends with a backslash\\',
  '"double" and \'single\' quotes',
  'comma, semicolon; pipe|',
  'Zoë Ångström — 東京 🚀 \u00a0nbsp',
  '  spaces around  ',
  'null',
  'NULL',
];

describe('copyField', () => {
  it('writes null as \\N and escapes backslash, tab, CR and LF', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('')).toBe('');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField(12n)).toBe('12');
    expect(() => copyField('nul\0byte')).toThrow('NUL');
  });
});

describe.each(testEngines())('COPY into a table (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('round-trips awkward text, nulls apart from empty strings, numbers and dates exactly', async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`create temporary table copied (n int, t text, d date, b bigint) on commit drop`,
      );
      const values = awkward.map((text, i) => [i, text, '2026-02-28', 9007199254740993n]);
      const written = await copyRows(
        tx,
        'copied',
        ['n', 't', 'd', 'b'],
        [...values, [awkward.length, null, null, null]],
      );
      expect(written).toBe(awkward.length + 1);
      return queryRows<{ n: number; t: string | null; d: string | null; b: string | null }>(
        tx,
        sql`select n, t, d::text as d, b::text as b from copied order by n`,
      );
    });
    expect(rows.map((row) => row.t)).toEqual([...awkward, null]);
    expect(rows.map((row) => row.d)).toEqual([...awkward.map(() => '2026-02-28'), null]);
    expect(rows.map((row) => row.b)).toEqual([...awkward.map(() => '9007199254740993'), null]);
  });

  it('takes text cut anywhere, even inside a line or a multi-byte character', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `${i}\tZoë ${'東'.repeat(i % 7)}\n`);
    const whole = Buffer.from(lines.join(''), 'utf8');
    const pieces: Buffer[] = [];
    for (let at = 0; at < whole.length; at += 997) pieces.push(whole.subarray(at, at + 997));
    const count = await database.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table cut (n int, t text) on commit drop`);
      await copyText(tx, 'cut', ['n', 't'], pieces);
      const [row] = await queryRows<{ n: number; bad: number }>(
        tx,
        sql`select count(*)::int as n,
          count(*) filter (where t <> 'Zoë ' || repeat('東', n % 7))::int as bad from cut`,
      );
      return row;
    });
    expect(count).toEqual({ n: 2_000, bad: 0 });
  });
});
