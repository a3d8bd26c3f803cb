import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  commonHandlers,
  ids,
  makeOpportunity,
  mockApi,
  renderWithProviders,
} from '../../test-utils';
import { OpportunityForm } from './OpportunityForm';

function errorOf(input: HTMLElement): string {
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('OpportunityForm', () => {
  it("asks for a stage, in the schema's words, without calling the server", async () => {
    const api = mockApi(commonHandlers);
    const user = userEvent.setup();
    renderWithProviders(<OpportunityForm onSaved={vi.fn()} />);

    await user.type(await screen.findByLabelText(/^Name/), 'Fleet renewal');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));

    expect(errorOf(screen.getByRole('combobox', { name: /^Stage/ }))).toContain('Pick a stage');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('reopening a won deal sends no close date', async () => {
    const won = makeOpportunity({
      stageId: ids.stageWon,
      stageName: 'Won',
      stageKind: 'won',
      closedOn: '2026-10-01',
    });
    const onSaved = vi.fn();
    const api = mockApi({
      ...commonHandlers,
      [`PATCH /api/opportunities/${won.id}`]: (call) => ({
        body: { ...won, ...(call.body as object) },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<OpportunityForm opportunity={won} onSaved={onSaved} />);

    expect(await screen.findByLabelText('Closed on')).toBeTruthy();
    await user.click(screen.getByRole('combobox', { name: /^Stage/ }));
    await user.click(await screen.findByRole('option', { name: 'Proposal (50%)' }));
    expect(screen.queryByLabelText('Closed on')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save deal' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({ stageId: ids.stageOpen, closedOn: null });
  });

  it("shows the server's amountMinor issue under Amount", async () => {
    mockApi({
      ...commonHandlers,
      'POST /api/opportunities': () => ({
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            issues: [{ field: 'amountMinor', reason: 'is above the limit' }],
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<OpportunityForm onSaved={vi.fn()} />);

    await user.type(await screen.findByLabelText(/^Name/), 'Fleet renewal');
    await user.click(screen.getByRole('combobox', { name: /^Stage/ }));
    await user.click(await screen.findByRole('option', { name: 'Proposal (50%)' }));
    await user.type(screen.getByLabelText('Amount'), '100');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    await vi.waitFor(() =>
      expect(errorOf(screen.getByLabelText('Amount'))).toContain('Is above the limit'),
    );
    expect(screen.queryByText('The opportunity was not saved')).toBeNull();
  });
});
