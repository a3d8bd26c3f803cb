import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../schemas/import';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { ImportPage } from './ImportPage';

const csv = 'Account Id,Account Name\nA1,Contoso\nA2,\n';
const counts = { read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 };
const report = (status: ImportReport['status']): ImportReport => ({
  preset: 'generic',
  organisation: { slug: 'acme', isNew: false },
  status,
  counts: { accounts: counts },
  opportunitiesByStage: [],
  notes: [],
  problems: [
    {
      file: 'accounts.csv',
      line: 3,
      column: 'Account Name',
      reason: 'the account name is missing',
    },
  ],
});

describe('ImportPage', () => {
  it('previews an upload, maps its columns, dry-runs listing every problem, and keeps Import off while rows are rejected', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'POST /api/import/preview': () => ({
        body: {
          headers: ['Account Id', 'Account Name'],
          rows: [
            ['A1', 'Contoso'],
            ['A2', ''],
          ],
          suggestedColumns: { accounts: { externalId: 'Account Id', name: 'Account Name' } },
        },
      }),
      'POST /api/import': (call) => ({
        body: report((call.body as { dryRun: boolean }).dryRun ? 'rejected' : 'imported'),
      }),
    });
    renderWithProviders(<ImportPage />);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([csv], 'accounts.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });

    const preview = await screen.findByRole('table', { name: 'Preview of accounts.csv' });
    expect(
      within(preview)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['Account IdAccount Name', 'A1Contoso', 'A2']);
    expect(screen.getAllByLabelText('This file holds')[0]).toHaveProperty('value', 'Accounts');

    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    const problems = await screen.findByRole('table', { name: 'Row problems' });
    expect(within(problems).getAllByRole('row')[1]?.textContent).toBe(
      'accounts.csv3Account Namethe account name is missing',
    );
    expect(calls.find((c) => c.path === '/api/import')?.body).toEqual({
      files: [
        {
          entity: 'accounts',
          name: 'accounts.csv',
          content: csv,
          columns: { externalId: 'Account Id', name: 'Account Name' },
        },
      ],
      dateOrder: null,
      decimalSeparator: '.',
      stageMap: {},
      skipBadRows: false,
      dryRun: true,
    });
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
  });
});
