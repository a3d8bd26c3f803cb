import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notifications } from '@mantine/notifications';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../components/ConflictAlert';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { makePlan, planIds } from './deal-plan-fixture';
import { DealPlanPage } from './DealPlanPage';

// A save that lost the race (409 on If-Match): the rep reloads, or keeps their text and reloads.

const planPath = `/api/opportunities/${planIds.opportunity}/plan`;

function renderPlan() {
  return renderWithProviders(
    <>
      <Notifications />
      <Routes>
        <Route path="/opportunities/:opportunityId/plan" element={<DealPlanPage />} />
      </Routes>
    </>,
    { route: `/opportunities/${planIds.opportunity}/plan` },
  );
}

function conflictOnWinWin() {
  const theirs = makePlan({ version: 7 });
  theirs.winWin = { ...theirs.winWin, ourWin: 'Their three-year deal' };
  return mockApi({
    ...commonHandlers,
    [`GET ${planPath}`]: () => ({ body: makePlan() }),
    [`PUT ${planPath}/win-win`]: () => ({
      status: 409,
      body: { error: { code: 'conflict', message: 'stale', current: theirs } },
    }),
  });
}

async function saveOurWin(text: string) {
  const ourWin = await screen.findByLabelText('Our win');
  await userEvent.type(ourWin, text);
  await userEvent.click(screen.getByRole('button', { name: 'Save win-win' }));
  const title = await screen.findByText('Someone else changed this plan', {}, { timeout: 10_000 });
  return title.closest<HTMLElement>('[role="alert"]') as HTMLElement;
}

describe('a deal plan save that meets a newer version', { timeout: 60_000 }, () => {
  it('keeps the rep’s text beside their version when they choose to keep it', async () => {
    conflictOnWinWin();
    renderPlan();
    const alert = await saveOurWin('A reference in banking');
    // Their version is on screen at once; the rep's text is not lost with it.
    await waitFor(() =>
      expect((screen.getByLabelText('Our win') as HTMLTextAreaElement).value).toBe(
        'Their three-year deal',
      ),
    );
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Keep my text (copy it and reload)' }),
    );
    const [kept] = (await screen.findAllByLabelText('Your unsaved text')) as HTMLTextAreaElement[];
    expect(kept?.value).toBe(
      "Buyer's business result: Lower costs\n\nBuyer's personal win: Promotion\n\nOur win: A reference in banking",
    );
    expect(screen.queryByText('Someone else changed this plan')).toBeNull();
  });

  it('lets the rep reload and drop their edit', async () => {
    conflictOnWinWin();
    renderPlan();
    const alert = await saveOurWin('Anything');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload (lose your edit)' }));
    expect(screen.queryByText('Someone else changed this plan')).toBeNull();
    expect((screen.getByLabelText('Our win') as HTMLTextAreaElement).value).toBe(
      'Their three-year deal',
    );
  });
});

describe('plainTextOf', () => {
  it('writes the strings of a form, labelled where it knows the label, skipping blanks', () => {
    expect(
      plainTextOf(
        { title: 'Q1 push', notes: '  ', rows: [{ how: 'Calls' }, { how: '' }], size: 3 },
        { title: 'Title' },
      ),
    ).toBe('Title: Q1 push\n\nCalls');
  });
});
