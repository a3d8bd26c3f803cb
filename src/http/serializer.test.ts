import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer';

const First = z.strictObject({ id: z.string(), count: z.number().int() });
const Second = z.strictObject({ id: z.string(), share: z.number() });
const Rows = z.union([z.array(First), z.array(Second)]);
const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/rows', httpStatus: '200' });
const compileZod = (schema: z.ZodType) =>
  zodSerializerCompiler({ schema, method: 'GET', url: '/rows', httpStatus: '200' });

describe('serializerCompiler', () => {
  it('writes a union of arrays as the union does, whichever option the rows are', () => {
    for (const rows of [
      [{ id: 'a', count: 2 }],
      [
        { id: 'a', share: 0.5 },
        { id: 'b', share: 1 },
      ],
      [],
    ])
      expect(compile(Rows)(rows)).toBe(compileZod(Rows)(rows));
  });

  it('refuses rows that no option takes, as the union does (a later row wrong too)', () => {
    const mixed = [
      { id: 'a', share: 0.5 },
      { id: 'b', count: 1 },
    ];
    expect(() => compileZod(Rows)(mixed)).toThrow();
    expect(() => compile(Rows)(mixed)).toThrow();
    expect(() => compile(Rows)([{ id: 'a' }])).toThrow();
    expect(() => compile(Rows)({ id: 'a', count: 1 })).toThrow();
  });

  it('leaves every other schema to the Zod serializer', () => {
    const Row = z.strictObject({ id: z.string() });
    expect(compile(Row)({ id: 'a' })).toBe('{"id":"a"}');
    expect(() => compile(Row)({ id: 'a', extra: 1 })).toThrow();
  });
});
