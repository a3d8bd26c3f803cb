import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importEntities, importFields, importTemplateCsv } from '../../schemas/import';
import { suggestColumns } from './suggest-columns';

describe('suggestColumns', () => {
  it.each(importEntities)('maps every field of a filled-in %s template to its column', (entity) => {
    const [headers = []] = parse(importTemplateCsv(entity)) as string[][];
    const columns = suggestColumns(headers)[entity] ?? {};
    expect(Object.keys(columns).sort()).toEqual([...importFields[entity]].sort());
    expect(new Set(Object.values(columns)).size).toBe(headers.length);
  });

  it('names fields as people say them in the template', () => {
    const [headers] = parse(importTemplateCsv('opportunities')) as string[][];
    expect(headers).toEqual(expect.arrayContaining(['Opportunity name', 'Owner email']));
  });
});
