import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RepPlan } from '../../../schemas/rep-plans';
import type { CheckIn } from '../../../schemas/check-ins';
import { agreedVersions, makeRepPlan, managerId, planId, year } from './rep-plan-fixtures';
import { commonHandlers, me, mockApi, renderWithProviders } from '../../test-utils';
import { MyPlanPage } from './MyPlanPage';

const listOf = (plans: RepPlan[]) => ({
  body: {
    items: plans.map(({ id, version, state, year: y, cadence, rep, manager }) => ({
      id,
      version,
      state,
      year: y,
      cadence,
      rep,
      manager,
    })),
    total: plans.length,
  },
});

/** The plan's own reads: the plan, its agreed versions, its comments. */
const planHandlers = (plan: () => RepPlan, versions: () => unknown[] = () => []) => ({
  [`GET /api/rep-plans/${planId}`]: () => ({ body: plan() }),
  [`GET /api/rep-plans/${planId}/versions`]: () => ({ body: versions() }),
  [`GET /api/rep-plans/${planId}/comments`]: () => ({ body: [] }),
  'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
});

function renderPage(route = '/my-plan') {
  return renderWithProviders(
    <Routes>
      <Route path="/my-plan" element={<MyPlanPage />} />
    </Routes>,
    { route },
  );
}

describe('MyPlanPage', () => {
  it('shows the targets, the funnel with its ratio sources and the weekly numbers', async () => {
    const plan = makeRepPlan();
    mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([plan]),
      ...planHandlers(() => plan),
    });
    renderPage();
    // Targets in whole euros: cents mean nothing at this size.
    expect(await screen.findByText('Targets €2,000,000')).toBeTruthy();
    // Won to date against the target to date and the year, per segment with Other, adding up.
    const segments = screen.getByRole('table', { name: 'Attainment by segment' });
    expect(
      within(segments)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      // 90% and 93.3% of the target to date; 80% exactly is still slightly behind, not behind.
      'Total€2,000,000€1,000,000€900,00090.0%Slightly behind target',
      'Segment A€1,500,000€750,000€700,00093.3%Slightly behind target',
      'Other€500,000€250,000€200,00080.0%Slightly behind target',
    ]);
    expect(screen.getByText('from 3 won, 2 lost')).toBeTruthy();
    // The team's closing ratio beside the rep's; no team meeting ratio sent, no row for it.
    expect(screen.getByText('Team closing ratio')).toBeTruthy();
    expect(screen.getByText('from 9 won, 11 lost, 4 reps')).toBeTruthy();
    expect(screen.queryByText('Team meeting → opportunity')).toBeNull();
    expect(screen.getByText(/entered: New product line/)).toBeTruthy();
    expect(screen.getByText('324 first meetings')).toBeTruthy();
    // The exact chain once, not beside every count; the pace over the weeks left.
    expect(
      screen.getByText(
        'Exactly 96.20 deals → 160.33 opportunities → 320.67 first meetings, each rounded up.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/^exact /)).toBeNull();
    expect(screen.getByText('65 first meetings over 5 weeks')).toBeTruthy();
    expect(screen.getByText('Left out of won to date: 3 deals in CHF have no rate')).toBeTruthy();
    // This week's plan per type: norms, funnel, gap, plan and what it follows, then done.
    const week = screen.getByRole('table', { name: 'Weekly plan' });
    expect(
      within(week)
        .getAllByRole('row')
        .slice(2)
        .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['Call', '3', '260', '+257', '260by the funnel', '1', '140'],
      ['First meeting', '0', '65', '+65', '65by the funnel', '2', '41'],
      ['Meeting', '1', '—', '—', '1by the norms', '0', '12'],
    ]);
  });

  it('proposes the draft through the transitions endpoint', async () => {
    let current = makeRepPlan();
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([current]),
      ...planHandlers(() => current),
      [`POST /api/rep-plans/${planId}/transitions`]: () => {
        current = makeRepPlan({ state: 'proposed', allowedTransitions: ['draft'] });
        return { body: current };
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Propose to my manager' }));
    expect(await screen.findByRole('button', { name: 'Send back to draft' })).toBeTruthy();
    expect(screen.getByText('Proposed', { selector: '.mantine-Badge-label' })).toBeTruthy();
    // The write confirms what happened and says what comes next.
    expect(
      await screen.findByText('Next: sign it; then Max Manager countersigns, which agrees it.'),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ to: 'proposed' });
  });

  it('signs a proposed plan as the rep and shows a refusal with the server’s reason', async () => {
    const plan = makeRepPlan({ state: 'proposed', allowedTransitions: ['draft'] });
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([plan]),
      ...planHandlers(() => plan),
      [`POST /api/rep-plans/${planId}/signatures`]: () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'The rep has already signed this plan.' } },
      }),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('The rep has already signed this plan.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ as: 'rep' });
  });

  it('offers to start a plan when the rep has none for the year, and shows next year’s planning task', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/planning-calendar': () => ({
        body: {
          year: year + 1,
          fiscalYearStart: `${year + 1}-01`,
          planningOpensOn: `${year}-10-01`,
          isPlanningOpen: true,
          tasks: [
            {
              kind: 'rep_plan',
              title: `Build and agree your ${year + 1} plan with your manager`,
              from: `${year}-10-01`,
              dueOn: `${year}-12-31`,
              isDone: false,
            },
            {
              kind: 'inspection',
              title: 'Q1 inspection of the plans',
              from: `${year + 1}-01-01`,
              dueOn: `${year + 1}-03-31`,
              isDone: false,
            },
          ],
        },
      }),
      'GET /api/rep-plans': () => listOf([]),
      'POST /api/rep-plans': () => ({ status: 201, body: makeRepPlan() }),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: `Start my ${year} plan` }));
    const tasks = await screen.findByLabelText('Planning calendar');
    expect(tasks.textContent).toContain(
      `To doBuild and agree your ${year + 1} plan with your manager, by`,
    );
    expect(tasks.textContent).not.toContain('inspection');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year, cadence: 'monthly' }),
    );
  });

  it('offers a leader no plan of their own and no empty planning card, but where the plans are', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({ body: { ...me, user: { ...me.user, role: 'leader' } } }),
      'GET /api/planning-calendar': () => ({
        body: {
          year: year + 1,
          fiscalYearStart: `${year + 1}-01`,
          planningOpensOn: `${year}-10-01`,
          isPlanningOpen: true,
          tasks: [
            {
              kind: 'inspection',
              title: 'Q1 inspection of the plans',
              from: `${year + 1}-01-01`,
              dueOn: `${year + 1}-03-31`,
              isDone: false,
            },
          ],
        },
      }),
      'GET /api/rep-plans': () => listOf([]),
    });
    renderPage();
    expect(await screen.findByText(/carry no sales target of their own/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the reps’ plans on Team' })).toHaveProperty(
      'href',
      expect.stringMatching(/\/team$/),
    );
    expect(screen.queryByRole('button', { name: /^Start my/ })).toBeNull();
    await waitFor(() => expect(calls.some((c) => c.path === '/api/planning-calendar')).toBe(true));
    expect(screen.queryByLabelText('Planning calendar')).toBeNull();
  });

  it('offers a reload when the draft changed on the server since it was opened', async () => {
    let current = makeRepPlan({ version: 4 });
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([current]),
      ...planHandlers(() => current),
      [`PATCH /api/rep-plans/${planId}`]: () => {
        current = makeRepPlan({ version: 5, cadence: 'quarterly' });
        return {
          status: 409,
          body: { error: { code: 'conflict', message: 'The plan changed since you read it' } },
        };
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Save draft' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reload (lose your edit)' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Check-ins' })).toHaveProperty(
        'value',
        'Quarterly',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Reload (lose your edit)' })).toBeNull();
    expect(
      calls.filter((c) => c.method === 'GET' && c.path === `/api/rep-plans/${planId}`),
    ).toHaveLength(2);
  });

  it('titles a rep’s plan opened by the manager with the rep’s name, with their to-dos and a one-step countersignature', async () => {
    let current = makeRepPlan({
      state: 'proposed',
      canEdit: false,
      allowedTransitions: ['draft'],
      signatures: { repSignedAt: `${year}-01-05T09:00:00.000Z`, managerSignedAt: null },
    });
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({
        body: { ...me, user: { ...me.user, id: managerId, name: 'Max Manager', role: 'manager' } },
      }),
      'GET /api/rep-plans': () => listOf([current]),
      ...planHandlers(() => current),
      [`POST /api/rep-plans/${planId}/signatures`]: () => {
        current = makeRepPlan({
          state: 'agreed',
          canEdit: false,
          allowedTransitions: [],
          signatures: {
            repSignedAt: `${year}-01-05T09:00:00.000Z`,
            managerSignedAt: `${year}-01-06T09:00:00.000Z`,
          },
        });
        return { body: current };
      },
    });
    renderPage(`/my-plan?plan=${planId}`);
    expect(await screen.findByRole('heading', { name: `Rita Rep’s plan ${year}` })).toBeTruthy();
    const steps = screen.getByRole('region', { name: 'Next steps' });
    expect(within(steps).getByText('Rita Rep’s to-dos')).toBeTruthy();
    expect(within(steps).getByText('Wait for Max Manager’s countersignature')).toBeTruthy();
    expect(within(steps).getByText('Countersign Rita Rep’s plan to agree it')).toBeTruthy();
    await userEvent.click(within(steps).getByRole('button', { name: 'Countersign' }));
    expect(await screen.findByText('Plan agreed')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ as: 'manager' });
    expect(screen.queryByRole('button', { name: /Countersign/ })).toBeNull();
  });

  it('lets the manager record a check-in with plan changes, after which the plan shows the revised version', async () => {
    const checkInId = '00000000-0000-4000-8000-000000000600';
    const summary = {
      id: checkInId,
      periodStart: `${year}-04-01`,
      periodEnd: `${year}-04-30`,
      dueOn: `${year}-04-30`,
      status: 'due' as const,
      isOverdue: false,
      heldOn: null,
      resultingVersionNumber: null,
    };
    const checkIn: CheckIn = {
      ...summary,
      repPlanId: planId,
      canRecord: true,
      warnings: [],
      planVsActual: { asOf: `${year}-04-30`, activities: [], targets: [] },
      discrepancies: '',
      difficulties: '',
      adjustments: '',
    };
    let current = makeRepPlan({
      state: 'agreed',
      canEdit: false,
      allowedTransitions: [],
      checkIns: [summary],
    });
    let versions = [agreedVersions[0]];
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({
        body: { ...me, user: { ...me.user, id: managerId, name: 'Max Manager', role: 'manager' } },
      }),
      'GET /api/rep-plans': () => listOf([current]),
      ...planHandlers(
        () => current,
        () => versions,
      ),
      [`GET /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({ body: checkIn }),
      [`POST /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => {
        const held = { ...summary, status: 'held' as const, resultingVersionNumber: 2 };
        current = makeRepPlan({
          state: 'revised',
          canEdit: false,
          allowedTransitions: [],
          checkIns: [held],
        });
        versions = agreedVersions;
        return { body: { ...checkIn, ...held } };
      },
      [`GET /api/rep-plans/${planId}/versions/compare`]: () => ({
        body: {
          from: 1,
          to: 2,
          changes: [{ path: 'funnelInputs.callsPerMeeting', before: null, after: 5 }],
        },
      }),
    });
    renderPage(`/my-plan?plan=${planId}`);
    const versionsSection = await screen.findByRole('region', { name: 'Versions' });
    await within(versionsSection).findByRole('table', { name: 'Agreed versions' });
    expect(within(versionsSection).queryByRole('combobox', { name: 'Compare version' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /^Apr/ }));
    await userEvent.click(
      await screen.findByLabelText('Agree plan changes (makes a revised version)'),
    );
    await userEvent.type(screen.getByLabelText('Calls per meeting (outreach)'), '5');
    await userEvent.click(screen.getByLabelText(/Agreed adjustments/));
    await userEvent.paste('Five calls per meeting from May');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));

    const changes = await within(versionsSection).findByRole('table', {
      name: 'Changes from version 1 to version 2',
    });
    expect(within(changes).getAllByRole('row')[1]?.textContent).toBe(
      'Funnel overridesCalls per meeting—5',
    );
    const agreement = screen
      .getByRole('heading', { name: 'Agreement' })
      .closest('.mantine-Card-root');
    expect(within(agreement as HTMLElement).getByText('Revised')).toBeTruthy();
    const [, , revision] = within(
      within(versionsSection).getByRole('table', { name: 'Agreed versions' }),
    ).getAllByRole('row');
    expect(revision?.textContent).toContain('Revised');
    const checkIns = screen.getByRole('table', { name: 'Check-ins' });
    expect(within(checkIns).getAllByRole('row')[1]?.textContent).toContain('version 2');
    expect(
      (calls.find((c) => c.method === 'POST')?.body as { planChanges: unknown }).planChanges,
    ).toEqual({
      funnelInputs: {
        closingRatio: null,
        meetingToOpportunityRatio: null,
        averageDealMinor: null,
        salesCycleDays: null,
        callsPerMeeting: 5,
      },
    });
  });
});
