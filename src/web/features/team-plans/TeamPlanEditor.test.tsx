import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ids, mockApi, renderWithProviders } from '../../test-utils';
import {
  asManager,
  ifMatchOfPut,
  makeTeamPlan,
  repId,
  savedContent,
  teamHandlers,
  teamPlanId,
} from './team-plan-fixtures';
import { TeamPlanEditor } from './TeamPlanEditor';

const put = `PUT /api/team-plans/${teamPlanId}`;

function renderEditor(onClose = vi.fn()) {
  renderWithProviders(<TeamPlanEditor plan={makeTeamPlan()} currency="EUR" onClose={onClose} />);
  return onClose;
}

const firstGoal = () =>
  within(screen.getByRole('group', { name: 'Business objective 1' })).getByRole('group', {
    name: 'Goal 1',
  });
const activity = (n: number) =>
  within(firstGoal()).getByRole('group', { name: `Tactical activity ${n}` });

describe('TeamPlanEditor', () => {
  it('saves the whole plan with If-Match set to the version it was read at', async () => {
    const { calls, fetchMock } = mockApi({
      ...teamHandlers(asManager),
      [put]: () => ({ body: makeTeamPlan({ version: 3 }) }),
    });
    const onClose = renderEditor();
    const mission = screen.getByLabelText('What is our mission?');
    await userEvent.type(mission, 'Uptime');
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...savedContent,
      answers: { ...savedContent.answers, whatIsOurMission: 'Uptime' },
    });
    expect(ifMatchOfPut(fetchMock)).toBe('"2"');
  });

  it('adds a tactical activity with an owner from the team and a target', async () => {
    const { calls } = mockApi({
      ...teamHandlers(asManager),
      [put]: () => ({ body: makeTeamPlan({ version: 3 }) }),
    });
    renderEditor();
    await userEvent.click(
      within(firstGoal()).getByRole('button', { name: 'Add a tactical activity' }),
    );
    const added = activity(4);
    await userEvent.type(within(added).getByLabelText(/Tactical activity/), 'Webinar');
    await userEvent.click(within(added).getByRole('combobox', { name: 'Owner' }));
    // Otto reports to another manager: he is not offered.
    expect(screen.queryByRole('option', { name: 'Otto Other' })).toBeNull();
    await userEvent.click(await screen.findByRole('option', { name: 'Rita Rep' }));
    await userEvent.type(within(added).getByLabelText('Metric'), 'webinar calls');
    await userEvent.type(within(added).getByLabelText('Target'), '4');
    expect(added.textContent).toContain('No metric defined');
    // Calls with segment A accounts: the filters appear once the metric counts something.
    expect(within(added).queryByRole('combobox', { name: 'Segment' })).toBeNull();
    await userEvent.click(within(added).getByRole('combobox', { name: 'Counts' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Activities done of a type' }));
    await userEvent.click(within(added).getByRole('combobox', { name: 'Activity type' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Call' }));
    await userEvent.click(within(added).getByRole('combobox', { name: 'Segment' }));
    await userEvent.click(await screen.findByRole('option', { name: 'A · Segment A' }));
    expect(added.textContent).toContain('Counted from the data once saved');
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const body = calls.find((c) => c.method === 'PUT')?.body as typeof savedContent;
    expect(body.objectives[0]?.goals[0]?.activities).toEqual([
      ...(savedContent.objectives[0]?.goals[0]?.activities ?? []),
      {
        title: 'Webinar',
        ownerId: repId,
        startsOn: null,
        endsOn: null,
        metric: 'webinar calls',
        metricDefinition: {
          counts: 'activities',
          activityType: 'call',
          memberId: null,
          segmentId: ids.segment,
          accountStatus: null,
          productId: null,
        },
        targetValue: 4,
        enteredActual: null,
      },
    ]);
  }, 90_000);

  it('shows a 422 under the field the server names', async () => {
    mockApi({
      ...teamHandlers(asManager),
      [put]: () => ({
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: 'objectives[0].goals[0].activities[0].ownerId: no such user',
            issues: [
              { field: 'objectives[0].goals[0].activities[0].ownerId', reason: 'no such user' },
            ],
          },
        },
      }),
    });
    const onClose = renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    expect(await within(activity(1)).findByText('No such user')).toBeTruthy();
    expect(within(activity(1)).getByRole('combobox', { name: 'Owner' })).toHaveProperty(
      'ariaInvalid',
      'true',
    );
    expect(within(activity(2)).queryByText('No such user')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('checks the shared schema before sending: a blank title and a bad money target', async () => {
    const { calls } = mockApi(teamHandlers(asManager));
    renderEditor();
    await userEvent.clear(within(activity(2)).getByLabelText(/Tactical activity/));
    const target = within(activity(3)).getByLabelText('Target');
    await userEvent.clear(target);
    await userEvent.type(target, '12.345');
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    expect(within(activity(2)).getByText('Must not be blank')).toBeTruthy();
    expect(within(activity(3)).getByText(/at most 2 decimals/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('shows each metric’s progress, and that a changed one is counted after saving', async () => {
    mockApi(teamHandlers(asManager));
    renderEditor();
    expect(activity(1).textContent).toContain(
      'Calls done, Rita Rep, 1 Jan–31 Dec: 3 of 10 calls done',
    );
    expect(activity(2).textContent).toContain(
      'Entered by hand (not counted from the data), 1 Jan–31 Dec: 120 of 500 booth visitors',
    );
    expect(within(activity(2)).getByLabelText('Actual so far')).toHaveProperty('value', '120');
    expect(activity(3).textContent).toContain('€12,500 of €50,000 won');
    await userEvent.type(within(activity(1)).getByLabelText('Target'), '0');
    expect(activity(1).textContent).toContain('Counted from the data once saved');
    await userEvent.type(within(activity(2)).getByLabelText('Actual so far'), '5');
    expect(activity(2).textContent).toContain('Counted from the data once saved');
  });

  it('removes and reorders rows', async () => {
    const { calls } = mockApi({
      ...teamHandlers(asManager),
      [put]: () => ({ body: makeTeamPlan({ version: 3 }) }),
    });
    renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Move tactical activity 3 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove tactical activity 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const body = calls.find((c) => c.method === 'PUT')?.body as typeof savedContent;
    expect(body.objectives[0]?.goals[0]?.activities.map((a) => a.title)).toEqual([
      'Close the segment A deals',
      'Trade show',
    ]);
  });

  it('offers to reload after a 409, and shows the latest plan', async () => {
    let latest = makeTeamPlan();
    mockApi({
      ...teamHandlers(asManager),
      [`GET /api/team-plans/${teamPlanId}`]: () => ({ body: latest }),
      [put]: () => {
        latest = makeTeamPlan({
          version: 3,
          answers: { ...makeTeamPlan().answers, whatIsOurMission: 'Their mission' },
        });
        return { status: 409, body: { error: { code: 'conflict', message: 'changed' } } };
      },
    });
    renderEditor();
    await userEvent.type(screen.getByLabelText('What is our mission?'), 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save the team plan' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reload (lose your edit)' }));
    await waitFor(() =>
      expect(screen.getByLabelText('What is our mission?')).toHaveProperty(
        'value',
        'Their mission',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Reload (lose your edit)' })).toBeNull();
  });
});
