import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatWholeMoney } from '../../components/money';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { agreedVersions, makeRepPlan, planId } from './rep-plan-fixtures';
import { RepPlanVersions } from './RepPlanVersions';

const revisedPlan = makeRepPlan({
  state: 'revised',
  canEdit: false,
  allowedTransitions: [],
  checkIns: [
    {
      id: '00000000-0000-4000-8000-000000000600',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      dueOn: '2026-04-30',
      status: 'held',
      isOverdue: false,
      heldOn: '2026-04-30',
      resultingVersionNumber: 2,
    },
  ],
});

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('RepPlanVersions', () => {
  it('lists the agreed versions and shows what changed between the last two', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET /api/rep-plans/${planId}/versions`]: () => ({ body: agreedVersions }),
      [`GET /api/rep-plans/${planId}/versions/compare`]: () => ({
        body: {
          from: 1,
          to: 2,
          changes: [
            { path: 'funnelInputs.closingRatio.value', before: null, after: 0.4 },
            { path: 'targetAccounts', before: ['Northwind'], after: ['Contoso', 'Northwind'] },
            { path: 'targets.totalMinor', before: 2_000_000_00, after: 2_100_000_00 },
          ],
        },
      }),
    });
    renderWithProviders(<RepPlanVersions plan={revisedPlan} />);

    const versions = await screen.findByRole('table', { name: 'Agreed versions' });
    const [first, second] = rowsOf(versions);
    expect(first?.[1]).toBe('Agreed');
    expect(first?.[4]).toBe('Agreed by the rep and the manager');
    expect(second?.[1]).toMatch(/^Revisedat the check-in of /);
    expect(second?.[4]).toBe('Add Contoso; closing ratio 40% after the price change');

    const changes = await screen.findByRole('table', {
      name: 'Changes from version 1 to version 2',
    });
    expect(rowsOf(changes)).toEqual([
      [
        'Targets',
        'Total',
        formatWholeMoney(2_000_000_00, 'EUR'),
        formatWholeMoney(2_100_000_00, 'EUR'),
      ],
      ['Target accounts', 'Target accountsadded Contoso', '1 account', '2 accounts'],
      ['Funnel overrides', 'Closing ratio', 'from history', '40%'],
    ]);
    const compare = calls.find((c) => c.path.endsWith('/versions/compare'));
    expect([compare?.search.get('from'), compare?.search.get('to')]).toEqual(['1', '2']);
  });

  it('compares the two versions picked', async () => {
    const third = { ...agreedVersions[1], versionNumber: 3, reason: 'Drop Northwind' };
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET /api/rep-plans/${planId}/versions`]: () => ({ body: [...agreedVersions, third] }),
      [`GET /api/rep-plans/${planId}/versions/compare`]: ({ search }) => ({
        body: {
          from: Number(search.get('from')),
          to: Number(search.get('to')),
          changes: [{ path: 'cadence', before: 'monthly', after: 'quarterly' }],
        },
      }),
    });
    renderWithProviders(<RepPlanVersions plan={revisedPlan} />);
    await screen.findByRole('table', { name: 'Changes from version 2 to version 3' });

    await userEvent.click(screen.getByRole('combobox', { name: 'Compare version' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Version 1' }));

    const changes = await screen.findByRole('table', {
      name: 'Changes from version 1 to version 3',
    });
    expect(rowsOf(changes)).toEqual([['Plan', 'Check-ins', 'monthly', 'quarterly']]);
    expect(
      calls
        .filter((c) => c.path.endsWith('/versions/compare'))
        .map((c) => `${c.search.get('from')}→${c.search.get('to')}`),
    ).toEqual(['2→3', '1→3']);
  });
});
