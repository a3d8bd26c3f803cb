import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../../domain/csv-export';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { RankingPanel } from './RankingPanel';

const criterion = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Employees',
  source: 'employees',
  kind: 'number',
  weight: 1,
};
const ranking = {
  items: [
    {
      accountId: '00000000-0000-4000-8000-0000000000a1',
      accountName: 'Alpha',
      ownerId: null,
      ownerName: null,
      segmentId: null,
      territoryId: null,
      score: 1,
      rank: 1,
      proposed: true,
      confirmed: false,
      override: null,
      canRate: false,
      contributions: [
        {
          criterionId: criterion.id,
          criterion: 'Employees',
          source: 'employees',
          value: 10,
          normalised: 1,
          weight: 1,
          contribution: 1,
        },
      ],
    },
  ],
  total: 1,
  cutPercent: 10,
  modelVersion: 1,
  fiscalYear: 2026,
  accountCount: 1,
  proposedCount: 1,
  confirmedCount: 0,
  confirmedModelVersion: null,
  changes: { movedIn: [], movedOut: [] },
  comparedWith: null,
  criteria: [criterion],
};

const exportLinks = () =>
  screen.getAllByRole('menuitem').map((item) => {
    const url = new URL(item.getAttribute('href') ?? '', 'http://localhost');
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  });

describe('RankingPanel', () => {
  it('exports the ranking as CSV with the filter the panel shows', async () => {
    mockApi({ ...commonHandlers, 'GET /api/key-accounts/ranking': () => ({ body: ranking }) });
    const user = userEvent.setup();
    renderWithProviders(<RankingPanel currency="EUR" canConfirm={false} />);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(exportLinks()).toEqual(
      CSV_FORMATS.map((csv) => ({ path: '/api/key-accounts/ranking', query: { csv } })),
    );
    await user.keyboard('{Escape}');
    await user.click(
      screen.getByRole('checkbox', { name: 'Only proposed or confirmed key accounts' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(exportLinks()).toEqual(
      CSV_FORMATS.map((csv) => ({
        path: '/api/key-accounts/ranking',
        query: { keyOnly: 'true', csv },
      })),
    );
  });
});
