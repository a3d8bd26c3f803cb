import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../components/dates';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { makeRepPlan, managerId, planId } from './rep-plan-fixtures';
import { RepPlanComments } from './RepPlanComments';

const managerComment = {
  id: '00000000-0000-4000-8000-000000000701',
  author: { id: managerId, name: 'Max Manager' },
  body: 'Northwind needs a second meeting before Q2.',
  createdAt: '2026-03-02T08:30:00.000Z',
};

describe('RepPlanComments', () => {
  it('shows who wrote each comment and when, and adds the rep’s reply to the thread', async () => {
    const reply = {
      id: '00000000-0000-4000-8000-000000000702',
      author: { id: ids.user, name: 'Rita Rep' },
      body: 'Booked for 14 March.',
      createdAt: '2026-03-03T10:00:00.000Z',
    };
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET /api/rep-plans/${planId}/comments`]: () => ({ body: [managerComment] }),
      [`POST /api/rep-plans/${planId}/comments`]: () => ({ status: 201, body: reply }),
    });
    renderWithProviders(<RepPlanComments plan={makeRepPlan()} userId={ids.user} />);

    const first = await screen.findByRole('listitem', { name: 'Comment by Max Manager' });
    expect(first.textContent).toBe(
      `Max Manager (manager) · ${formatInstant(managerComment.createdAt)}${managerComment.body}`,
    );

    await userEvent.type(screen.getByLabelText('Add a comment'), 'Booked for 14 March.');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));

    const added = await screen.findByRole('listitem', { name: 'Comment by Rita Rep' });
    expect(within(added).getByText('Booked for 14 March.')).toBeTruthy();
    expect(within(added).getByText('(rep)')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Booked for 14 March.' });
    await waitFor(() =>
      expect((screen.getByLabelText('Add a comment') as HTMLTextAreaElement).value).toBe(''),
    );
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Comment by Max Manager',
      'Comment by Rita Rep',
    ]);
  });

  it('offers no comment box to someone who is neither the rep nor their manager', async () => {
    mockApi({
      ...commonHandlers,
      [`GET /api/rep-plans/${planId}/comments`]: () => ({ body: [managerComment] }),
    });
    renderWithProviders(
      <RepPlanComments plan={makeRepPlan()} userId="00000000-0000-4000-8000-000000000099" />,
    );
    await screen.findByRole('listitem', { name: 'Comment by Max Manager' });
    expect(screen.queryByLabelText('Add a comment')).toBeNull();
  });
});
