import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { fileSource, previewCsv, readMappedCsv, textSource } from './csv-reader';

const missingFile = path.join(os.tmpdir(), 'salesplan-no-such-dir', 'accounts.csv');

async function readAll(source: ReturnType<typeof fileSource>) {
  const items = [];
  for await (const item of readMappedCsv(source, { name: 'Name' })) items.push(item);
  return items;
}

// The short timeouts matter: before, a missing file left the iteration pending forever.
describe('reading a CSV file that cannot be opened', () => {
  it('rejects the mapped read with an error naming the file', { timeout: 3_000 }, async () => {
    const failure = readAll(fileSource('accounts.csv', missingFile));
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({
      issues: [
        { field: 'accounts.csv', reason: expect.stringMatching(/^cannot be read \(ENOENT/) },
      ],
    });
  });

  it('rejects the preview too', { timeout: 3_000 }, async () => {
    await expect(previewCsv(fileSource('accounts.csv', missingFile), 5)).rejects.toMatchObject({
      issues: [{ field: 'accounts.csv' }],
    });
  });
});

describe('reading a CSV file', () => {
  it('still yields its records, numbered by line', async () => {
    const items = await readAll(textSource('accounts.csv', 'Name,City\nAcme,Oslo\n\nBeta,Rome\n'));
    expect(items).toEqual([
      {
        record: {
          file: 'accounts.csv',
          line: 2,
          values: { name: 'Acme' },
          columns: { name: 'Name' },
        },
      },
      {
        record: {
          file: 'accounts.csv',
          line: 4,
          values: { name: 'Beta' },
          columns: { name: 'Name' },
        },
      },
    ]);
  });

  it('stops early for a preview', async () => {
    const preview = await previewCsv(textSource('a.csv', 'Name\nA\nB\nC\n'), 1);
    expect(preview).toEqual({ headers: ['Name'], rows: [['A']] });
  });
});
