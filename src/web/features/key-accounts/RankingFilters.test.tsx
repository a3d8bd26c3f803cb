import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { RankingPanel } from './RankingPanel';

const territory = '00000000-0000-4000-8000-0000000000d1';
const ranking = {
  items: [],
  total: 0,
  cutPercent: 10,
  modelVersion: 1,
  fiscalYear: 2026,
  accountCount: 0,
  proposedCount: 0,
  confirmedCount: 0,
  confirmedModelVersion: null,
  changes: { movedIn: [], movedOut: [] },
  comparedWith: null,
  standingOverrides: [],
  criteria: [],
};

function Search() {
  return <output aria-label="URL query">{useLocation().search}</output>;
}

describe('RankingFilters', () => {
  it('reads the owner and territory from the URL, asks the ranking with them, and keeps a new segment there', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/users': () => ({
        body: {
          items: [{ id: ids.user, name: 'Rita Rep', isActive: true }],
          total: 1,
        },
      }),
      'GET /api/key-accounts/ranking': () => ({ body: ranking }),
    });
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <RankingPanel currency="EUR" canConfirm={false} />
        <Search />
      </>,
      { route: `/key-accounts?tab=ranking&ownerId=${ids.user}&territoryId=${territory}` },
    );
    const rankingCalls = () =>
      api.calls
        .filter((c) => c.path === '/api/key-accounts/ranking')
        .map((c) => Object.fromEntries(c.search));
    await waitFor(() =>
      expect(rankingCalls()).toEqual([
        { ownerId: ids.user, territoryId: territory, pageSize: '50' },
      ]),
    );
    await user.click(await screen.findByRole('combobox', { name: 'Segment' }));
    await user.click(await screen.findByRole('option', { name: 'Segment A' }));
    await waitFor(() =>
      expect(rankingCalls().at(-1)).toEqual({
        ownerId: ids.user,
        segmentId: ids.segment,
        territoryId: territory,
        pageSize: '50',
      }),
    );
    const search = new URLSearchParams(screen.getByLabelText('URL query').textContent ?? '');
    expect(Object.fromEntries(search)).toEqual({
      tab: 'ranking',
      ownerId: ids.user,
      territoryId: territory,
      segmentId: ids.segment,
    });
    await user.click(
      screen.getByRole('checkbox', { name: 'Only proposed or confirmed key accounts' }),
    );
    await waitFor(() => expect(rankingCalls().at(-1)).toMatchObject({ keyOnly: 'true' }));
  });
});
