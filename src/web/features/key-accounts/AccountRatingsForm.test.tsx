import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { RankingPanel } from './RankingPanel';

// Entering an account's 1–5 ratings from its ranking row: the values it has, the schema's reason
// under the field (nothing sent), the server's reason under the field, and the confirmation.

const accountId = '00000000-0000-4000-8000-0000000000a1';
const employees = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Employees',
  source: 'employees',
  kind: 'number',
  weight: 1,
};
const fit = {
  id: '00000000-0000-4000-8000-0000000000c2',
  name: 'Strategic fit',
  source: 'rating',
  kind: 'rating',
  weight: 2,
};
const relationship = {
  id: '00000000-0000-4000-8000-0000000000c3',
  name: 'Relationship strength',
  source: 'rating',
  kind: 'rating',
  weight: 1,
};
const part = (criterion: typeof fit, value: number | null) => ({
  criterionId: criterion.id,
  criterion: criterion.name,
  source: criterion.source,
  value,
  normalised: 0,
  weight: criterion.weight,
  contribution: 0,
});
const ranking = (canRate: boolean, fitValue: number | null = 3) => ({
  items: [
    {
      accountId,
      accountName: 'Alpha',
      ownerId: null,
      ownerName: 'Rita Rep',
      segmentId: null,
      territoryId: null,
      score: 0.5,
      rank: 1,
      proposed: true,
      confirmed: false,
      override: null,
      canRate,
      contributions: [part(employees, 10), part(fit, fitValue), part(relationship, null)],
    },
  ],
  total: 1,
  cutPercent: 10,
  modelVersion: 2,
  fiscalYear: 2026,
  accountCount: 1,
  proposedCount: 1,
  confirmedCount: 0,
  confirmedModelVersion: null,
  changes: { movedIn: [], movedOut: [] },
  comparedWith: null,
  standingOverrides: [],
  criteria: [employees, fit, relationship],
});
const ratingsPath = `/api/key-accounts/ratings/${accountId}`;

describe('AccountRatingsForm', () => {
  it('enters the ratings from the ranking row, refusing one out of 1–5 under its field', async () => {
    let saved = false;
    const api = mockApi({
      ...commonHandlers,
      'GET /api/key-accounts/ranking': () => ({ body: ranking(true, saved ? 4 : 3) }),
      [`PUT ${ratingsPath}`]: () => {
        saved = true;
        return { body: { accountId, ratings: [{ criterionId: fit.id, value: 4 }] } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<RankingPanel currency="EUR" canConfirm={false} />);
    await user.click(await screen.findByRole('button', { name: 'Rate Alpha' }));
    const form = await screen.findByRole('form', { name: 'Ratings of Alpha' });
    const fitInput = within(form).getByLabelText('Strategic fit (weight 2)');
    const relationshipInput = within(form).getByLabelText('Relationship strength (weight 1)');
    // The values the account has; a criterion of the data (employees) is not entered here.
    expect((fitInput as HTMLInputElement).value).toBe('3');
    expect((relationshipInput as HTMLInputElement).value).toBe('');
    expect(within(form).queryByLabelText(/Employees/)).toBeNull();

    await user.clear(fitInput);
    await user.type(fitInput, '7');
    await user.click(within(form).getByRole('button', { name: 'Save ratings' }));
    expect(await within(form).findByText('Must be from 1 to 5')).toBeTruthy();
    expect(fitInput.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    await user.clear(fitInput);
    await user.type(fitInput, '4');
    await user.click(within(form).getByRole('button', { name: 'Save ratings' }));
    expect(await screen.findByText('Ratings of Alpha saved')).toBeTruthy();
    // Every rating criterion is sent; the empty one clears its rating.
    expect(api.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      {
        ratings: [
          { criterionId: fit.id, value: 4 },
          { criterionId: relationship.id, value: null },
        ],
      },
    ]);
    // The form closes and the ranking is read again with the new rating.
    await expect.poll(() => screen.queryByRole('form', { name: 'Ratings of Alpha' })).toBeNull();
    expect(
      api.calls.filter((c) => c.method === 'GET' && c.path === '/api/key-accounts/ranking'),
    ).toHaveLength(2);
  });

  it("shows the server's reason under the rating it names", async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/key-accounts/ranking': () => ({ body: ranking(true) }),
      [`PUT ${ratingsPath}`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'rule_violated',
            message: 'ratings.1.criterionId: is not a rating criterion of the scoring model',
            issues: [
              {
                field: 'ratings.1.criterionId',
                reason: 'is not a rating criterion of the scoring model',
              },
            ],
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<RankingPanel currency="EUR" canConfirm={false} />);
    await user.click(await screen.findByRole('button', { name: 'Rate Alpha' }));
    const form = await screen.findByRole('form', { name: 'Ratings of Alpha' });
    await user.click(within(form).getByRole('button', { name: 'Save ratings' }));
    expect(
      await within(form).findByText('Is not a rating criterion of the scoring model'),
    ).toBeTruthy();
    expect(
      within(form).getByLabelText('Relationship strength (weight 1)').getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('offers no Rate where the caller may not rate the account', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/key-accounts/ranking': () => ({ body: ranking(false) }),
    });
    renderWithProviders(<RankingPanel currency="EUR" canConfirm={false} />);
    expect(await screen.findByText('1. Alpha')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rate Alpha' })).toBeNull();
  });
});
