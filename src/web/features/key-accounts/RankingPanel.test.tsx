import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../../domain/csv-export';
import { pretendPhone } from '../../components/pretend-phone';
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
  standingOverrides: [],
  criteria: [criterion],
};

const exportLinks = () =>
  screen.getAllByRole('menuitem').map((item) => {
    const url = new URL(item.getAttribute('href') ?? '', 'http://localhost');
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  });

describe('RankingPanel', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('shows each account as a card on a phone: rank and name, each criterion’s part, the override', async () => {
    restore = pretendPhone();
    mockApi({ ...commonHandlers, 'GET /api/key-accounts/ranking': () => ({ body: ranking }) });
    renderWithProviders(<RankingPanel currency="EUR" canConfirm />);
    const cards = within(await screen.findByRole('list', { name: 'Ranking' })).getAllByRole(
      'listitem',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(cards).toHaveLength(1);
    const [card = document.body] = cards;
    const valueOf = (label: string) =>
      within(card).getByText(label).nextElementSibling?.textContent;
    expect(within(card).getByText('1. Alpha')).toBeTruthy();
    // 10 employees, normalised 1.00, weight 1: all 100.0 points of the score.
    expect([valueOf('Score'), valueOf('Employees ×1'), valueOf('Key account')]).toEqual([
      '100.0',
      '101.00 × 1 → 100.0',
      'Proposed',
    ]);
    expect(within(card).getByRole('checkbox', { name: 'Exclude Alpha' })).toBeTruthy();
    // The filters fold behind one button, as on the other lists.
    const only = 'Only proposed or confirmed key accounts';
    expect(screen.queryByRole('checkbox', { name: only })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: only }));
    expect(await screen.findByRole('button', { name: 'Filters (1 active)' })).toBeTruthy();
  });

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

  it('keeps this year’s standing overrides when the leader confirms again, unless unticked', async () => {
    const accountId = ranking.items[0]?.accountId ?? '';
    const withOverride = {
      ...ranking,
      standingOverrides: [
        { accountId, accountName: 'Alpha', decision: 'exclude', reason: 'Moving to a competitor' },
      ],
    };
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/key-accounts/ranking': () => ({ body: withOverride }),
      'POST /api/key-accounts/confirmation': () => ({ body: withOverride }),
    });
    const user = userEvent.setup();
    renderWithProviders(<RankingPanel currency="EUR" canConfirm />);
    expect(await screen.findByRole('checkbox', { name: 'Exclude Alpha' })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Confirm the key accounts (1 override)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm the key accounts' });
    expect(within(dialog).getByRole('textbox', { name: 'Exclude Alpha: why?' })).toHaveProperty(
      'value',
      'Moving to a competitor',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Key accounts confirmed');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      {
        modelVersion: 1,
        overrides: [{ accountId, decision: 'exclude', reason: 'Moving to a competitor' }],
      },
    ]);
    // Unticked, it is left out of the next confirmation.
    await user.click(screen.getByRole('checkbox', { name: 'Exclude Alpha' }));
    expect(screen.getByRole('button', { name: 'Confirm the key accounts' })).toBeTruthy();
  });
});
