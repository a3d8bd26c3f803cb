import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { makePlan, makeStep, planIds } from './deal-plan-fixture';
import { moveStep } from './ActionStepList';
import { DealPlanPage } from './DealPlanPage';

const planPath = `/api/opportunities/${planIds.opportunity}/plan`;

function renderPlan() {
  return renderWithProviders(
    <Routes>
      <Route path="/opportunities/:opportunityId/plan" element={<DealPlanPage />} />
    </Routes>,
    { route: `/opportunities/${planIds.opportunity}/plan` },
  );
}

function errorOf(input: HTMLElement): string {
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const ifMatchOf = (init: unknown) =>
  new Headers((init as RequestInit | undefined)?.headers).get('If-Match');

describe('DealPlanPage', () => {
  it('shows the relationship map by role, coloured by response mode, and the checks by family', async () => {
    mockApi({ ...commonHandlers, [`GET ${planPath}`]: () => ({ body: makePlan() }) });
    renderPlan();
    const map = await screen.findByRole('region', { name: 'Buying influences' });
    const cfo = within(map).getByLabelText('Dana Ortiz, Economic buyer');
    expect(cfo.getAttribute('data-response-mode')).toBe('trouble');
    expect(within(map).getByText('No coach named.')).toBeTruthy();
    const checks = screen.getByRole('region', { name: 'Plan checks' });
    const coverage = checks.querySelector('[data-check="coverage"]') as HTMLElement;
    expect(within(coverage).getByText('No coach is named on this deal.')).toBeTruthy();
    expect(within(coverage).getByText('The win-win does not state our win.')).toBeTruthy();
  });

  it('takes the rep from a finding to the field to fix', async () => {
    mockApi({ ...commonHandlers, [`GET ${planPath}`]: () => ({ body: makePlan() }) });
    renderPlan();
    await userEvent.click(await screen.findByText('The win-win does not state our win.'));
    expect(document.activeElement?.id).toBe('plan-winWin');
  });

  it('takes the rep from a competitor finding to that competitor, and from a close finding to the close', async () => {
    const plan = makePlan({
      expectedCloseOn: '2099-01-01',
      competition: [
        { id: planIds.competitor, kind: 'competitor', name: 'Acme', differentiators: '' },
      ],
    });
    mockApi({ ...commonHandlers, [`GET ${planPath}`]: () => ({ body: plan }) });
    renderPlan();
    await userEvent.click(await screen.findByText('No differentiators against Acme.'));
    expect(document.activeElement?.id).toBe('plan-competition-0');
    await userEvent.click(screen.getByText(/The expected close \(Jan 1, 2099\) has passed/));
    expect(document.activeElement?.id).toBe('plan-expectedCloseOn');
  });

  it('updates the checks while the rep types, before anything is saved', async () => {
    mockApi({ ...commonHandlers, [`GET ${planPath}`]: () => ({ body: makePlan() }) });
    renderPlan();
    const ourWin = await screen.findByLabelText('Our win');
    expect(screen.getByText('The win-win does not state our win.')).toBeTruthy();
    await userEvent.type(ourWin, 'A reference customer');
    await waitFor(() =>
      expect(screen.queryByText('The win-win does not state our win.')).toBeNull(),
    );
    expect(screen.getByText('Including what you are typing (not saved yet).')).toBeTruthy();
  });

  it('saves a new step with the version it read in If-Match and shows the plan the server returns', async () => {
    const saved = makePlan({ version: 4 });
    saved.steps = [
      ...saved.steps,
      makeStep({ id: planIds.stepB.replace('402', '403'), position: 3, what: 'Call the CFO' }),
    ];
    const { calls, fetchMock } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`POST ${planPath}/steps`]: () => ({ body: saved }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('button', { name: 'Add step' }));
    await userEvent.type(screen.getByRole('textbox', { name: /What/ }), 'Call the CFO');
    await userEvent.click(screen.getByRole('button', { name: 'Add step' }));
    expect(await screen.findByText('Call the CFO')).toBeTruthy();
    const post = calls.findIndex((c) => c.method === 'POST');
    expect(calls[post]?.body).toMatchObject({
      what: 'Call the CFO',
      objectiveId: planIds.objective,
    });
    expect(ifMatchOf(fetchMock.mock.calls[post]?.[1])).toBe('"3"');
  });

  it('adds a buying influence as a new contact of the account', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      'GET /api/contacts': () => ({ body: { items: [], total: 0 } }),
      [`POST ${planPath}/influences`]: () => ({ body: makePlan({ version: 4 }) }),
    });
    renderPlan();
    const map = await screen.findByRole('region', { name: 'Buying influences' });
    await userEvent.click(
      within(map).getAllByRole('button', { name: 'Name one' })[2] as HTMLElement,
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByText('New contact'));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Last name/ }), 'Lee');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Job title' }), 'Ops manager');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to the map' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      role: 'coach',
      influence: 'medium',
      responseMode: null,
      notes: '',
      newContact: { firstName: '', lastName: 'Lee', title: 'Ops manager' },
    });
  });

  it("asks a new buying influence for a last name in the schema's words, and shows the server's issue under the field", async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      'GET /api/contacts': () => ({ body: { items: [], total: 0 } }),
      [`POST ${planPath}/influences`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: 'Not saved',
            issues: [{ field: 'newContact', reason: 'link the deal to an account first' }],
          },
        },
      }),
    });
    renderPlan();
    const map = await screen.findByRole('region', { name: 'Buying influences' });
    await userEvent.click(
      within(map).getAllByRole('button', { name: 'Name one' })[2] as HTMLElement,
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByText('New contact'));
    const lastName = within(dialog).getByRole('textbox', { name: /Last name/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to the map' }));
    await waitFor(() => expect(errorOf(lastName)).toContain('Must not be blank'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(lastName, 'Lee');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to the map' }));
    await waitFor(() => expect(errorOf(lastName)).toContain('Link the deal to an account first'));
  });

  it('completes a step with one click', async () => {
    const done = makePlan({ version: 4 });
    done.steps = done.steps.map((s, i) => (i === 0 ? { ...s, status: 'done' as const } : s));
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`PATCH ${planPath}/steps/${planIds.stepA}`]: () => ({ body: done }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Complete step 1' }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'done' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log activity' })).toBeTruthy());
  });

  it('offers to start the next objective when one is achieved', async () => {
    const achieved = makePlan({ version: 4 });
    achieved.objectives = achieved.objectives.map((o) => ({ ...o, status: 'achieved' as const }));
    mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`PATCH ${planPath}/objectives/${planIds.objective}`]: () => ({ body: achieved }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('button', { name: 'Mark achieved' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Start the next objective' }));
    expect(screen.getByRole('button', { name: 'Add objective' })).toBeTruthy();
  });

  it('after a stale write shows the current plan and says nothing was saved', async () => {
    const current = makePlan({ version: 5 });
    current.steps = current.steps.slice(1);
    mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`PATCH ${planPath}/steps/${planIds.stepA}`]: () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'stale', current } },
      }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Complete step 1' }));
    expect(await screen.findByText('The plan changed')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Step A')).toBeNull());
  });

  it("asks a named competitor for a name in the shared schema's words, without calling the server", async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('button', { name: 'Add competition' }));
    const form = screen.getByRole('form', { name: 'New competition' });
    await userEvent.click(within(form).getByRole('combobox', { name: 'Kind' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Named competitor' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(errorOf(within(form).getByRole('textbox', { name: /^Name/ }))).toContain(
        'A named competitor needs a name',
      ),
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it("shows the server's issue with a step under the field it names", async () => {
    mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`POST ${planPath}/steps`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: 'The step was not saved',
            issues: [{ field: 'dependsOnStepId', reason: 'is not part of this plan' }],
          },
        },
      }),
    });
    renderPlan();
    await userEvent.click(await screen.findByRole('button', { name: 'Add step' }));
    const form = screen.getByRole('form', { name: 'New step' });
    await userEvent.type(within(form).getByRole('textbox', { name: /What/ }), 'Call the CFO');
    await userEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    await waitFor(() =>
      expect(errorOf(within(form).getByRole('combobox', { name: 'Depends on' }))).toContain(
        'Is not part of this plan',
      ),
    );
  });

  it('reads the plan through the shared schema: a plan of another shape is an error, not a blank page', async () => {
    mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({
        body: { ...makePlan(), competitors: [], competition: undefined },
      }),
    });
    renderPlan();
    expect(await screen.findByText('Could not load this deal plan')).toBeTruthy();
  });

  it('saves the win-win as typed, and shows the server issue under its field', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET ${planPath}`]: () => ({ body: makePlan() }),
      [`PUT ${planPath}/win-win`]: () => ({
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            issues: [{ field: 'ourWin', reason: 'is too long' }],
          },
        },
      }),
    });
    renderPlan();
    const ourWin = await screen.findByLabelText('Our win');
    const save = screen.getByRole('button', { name: 'Save win-win' });
    // Before an edit the button says why it does nothing, and sends nothing.
    expect(save.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(save);
    await userEvent.hover(save);
    expect(
      await screen.findByText('Nothing changed yet: edit the win-win to save it'),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await userEvent.type(ourWin, 'A reference');
    expect(save.getAttribute('aria-disabled')).toBe('false');
    await userEvent.click(save);
    await waitFor(() => expect(errorOf(ourWin)).toContain('Is too long'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      buyerResult: 'Lower costs',
      buyerPersonalWin: 'Promotion',
      ourWin: 'A reference',
    });
  });

  it('reorders steps by moving one id', () => {
    expect(moveStep(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveStep(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});
