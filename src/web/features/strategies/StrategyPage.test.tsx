import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../schemas/session';
import type { Strategy } from '../../../schemas/strategies';
import {
  type ApiHandler,
  commonHandlers,
  me,
  mockApi,
  renderWithProviders,
} from '../../test-utils';
import {
  makeStrategy,
  reference,
  rita,
  sam,
  segmentA,
  segmentB,
  users,
  year,
} from './strategy-fixtures';
import { StrategyPage } from './StrategyPage';

const notFound = () => ({
  status: 404,
  body: { error: { code: 'not_found', message: 'Strategy not found' } },
});

function handlers(role: Role, strategy: Strategy | null, extra: Record<string, ApiHandler> = {}) {
  return {
    ...commonHandlers,
    'GET /api/me': () => ({ body: { ...me, user: { ...me.user, role } } }),
    'GET /api/reference': () => ({ body: reference }),
    'GET /api/users': () => ({ body: users }),
    [`GET /api/strategies/${year}`]: () => (strategy ? { body: strategy } : notFound()),
    [`GET /api/strategies/${year - 1}`]: notFound,
    ...extra,
  };
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/strategy" element={<StrategyPage />} />
    </Routes>,
    { route: '/strategy' },
  );
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

async function retype(label: string | RegExp, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

function ifMatchOf(fetchMock: ReturnType<typeof mockApi>['fetchMock']) {
  const init = fetchMock.mock.calls.find(([, options]) => options?.method === 'PUT')?.[1];
  return (init?.headers as Record<string, string> | undefined)?.['If-Match'];
}

describe('StrategyPage', () => {
  it('saves the edited strategy with If-Match set to the version it shows', async () => {
    const { calls, fetchMock } = mockApi(
      handlers('leader', makeStrategy(), {
        [`PUT /api/strategies/${year}`]: () => ({ body: makeStrategy({ version: 4 }) }),
      }),
    );
    renderPage();
    await screen.findByRole('button', { name: 'Save strategy' });
    await retype(/Revenue target/, '1200.50');
    await retype('Share of Segment B (%)', '40');
    await userEvent.click(screen.getByRole('button', { name: 'Add assignment' }));
    await choose('Rep, row 3', 'Sam');
    await choose('Segment, row 3', 'Segment B');
    await userEvent.click(screen.getByRole('radio', { name: 'Entered' }));
    await retype('January', '2');
    await userEvent.type(screen.getByLabelText('Segment B, customer, Meeting per year'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save strategy' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      startMonth: 1,
      targetMinor: 1_200_50,
      currency: 'EUR',
      model: 'specialised',
      seasonality: { kind: 'entered', weights: [2, ...Array.from({ length: 11 }, () => 8.33)] },
      segmentMix: [
        { segmentId: segmentA, shareBasisPoints: 6000 },
        { segmentId: segmentB, shareBasisPoints: 4000 },
      ],
      assignments: [
        { repId: rita, segmentId: segmentA, weight: 2 },
        { repId: sam, segmentId: segmentA, weight: 1 },
        { repId: sam, segmentId: segmentB, weight: 1 },
      ],
      norms: [
        { segmentId: segmentA, accountStatus: 'prospect', activityType: 'call', countPerYear: 8 },
        {
          segmentId: segmentB,
          accountStatus: 'customer',
          activityType: 'meeting',
          countPerYear: 4,
        },
      ],
    });
    expect(ifMatchOf(fetchMock)).toBe('"3"');
  });

  it('shows a 422 on the field it names', async () => {
    mockApi(
      handlers('admin', makeStrategy(), {
        [`PUT /api/strategies/${year}`]: () => ({
          status: 422,
          body: {
            error: {
              code: 'unprocessable',
              message: 'assignments[1].repId: no such user',
              issues: [{ field: 'assignments[1].repId', reason: 'no such user' }],
            },
          },
        }),
      }),
    );
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Save strategy' }));
    expect(await screen.findByText('No such user')).toBeTruthy();
    const rep = screen.getByRole('combobox', { name: 'Rep, row 2' });
    expect(rep.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Rep, row 1' }).hasAttribute('aria-invalid')).toBe(
      false,
    );
  });

  it('refuses an assignment the organisation model cannot carry, before sending', async () => {
    const { calls } = mockApi(handlers('leader', makeStrategy()));
    renderPage();
    await screen.findByRole('button', { name: 'Save strategy' });
    await userEvent.click(screen.getByRole('radio', { name: 'Territory' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save strategy' }));
    expect(
      await screen.findAllByText(
        'A territory organisation gives each rep a share of the whole mix, not a segment',
      ),
    ).toHaveLength(2);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('says the strategy changed meanwhile and reloads the latest version', async () => {
    let current = makeStrategy();
    const { calls } = mockApi(
      handlers('leader', null, {
        [`GET /api/strategies/${year}`]: () => ({ body: current }),
        [`PUT /api/strategies/${year}`]: () => {
          current = makeStrategy({ version: 5, targetMinor: 2_000_00 });
          return { status: 409, body: { error: { code: 'conflict', message: 'stale' } } };
        },
      }),
    );
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Save strategy' }));
    const message = await screen.findByText(/saved it after you opened it/);
    const alert = message.closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('the conflict is not shown as an alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload (lose your edit)' }));
    await waitFor(() =>
      expect((screen.getByLabelText(/Revenue target/) as HTMLInputElement).value).toBe('2000.00'),
    );
    expect(screen.queryByText(/saved it after you opened it/)).toBeNull();
    expect(
      calls.filter((c) => c.method === 'GET' && c.path === `/api/strategies/${year}`),
    ).toHaveLength(2);
  });

  it('creates the first strategy of a year without If-Match', async () => {
    const { calls, fetchMock } = mockApi(
      handlers('leader', null, {
        [`PUT /api/strategies/${year}`]: () => ({ body: makeStrategy({ version: 1 }) }),
      }),
    );
    renderPage();
    expect(
      await screen.findByText(`No strategy is set for ${year} yet.`, { exact: false }),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/Revenue target/), '500');
    await userEvent.type(screen.getByLabelText('Share of Segment A (%)'), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Add assignment' }));
    await choose('Rep, row 1', 'Rita');
    await userEvent.click(screen.getByRole('button', { name: 'Create strategy' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    // The organisation's norms are unknown here, so none are sent (they would replace them).
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      startMonth: 1,
      targetMinor: 500_00,
      currency: 'EUR',
      model: 'territory',
      seasonality: { kind: 'flat' },
      segmentMix: [{ segmentId: segmentA, shareBasisPoints: 10_000 }],
      assignments: [{ repId: rita, segmentId: null, weight: 1 }],
    });
    expect(ifMatchOf(fetchMock)).toBeUndefined();
    expect(await screen.findByRole('button', { name: 'Save strategy' })).toBeTruthy();
  });

  it('shows a rep a read view, not a form: the figures, their target, the cascade, the twelve months and the norms', async () => {
    mockApi(
      handlers('rep', makeStrategy(), {
        'GET /api/me': () => ({ body: { ...me, user: { ...me.user, id: rita, role: 'rep' } } }),
      }),
    );
    renderPage();
    expect(await screen.findByRole('table', { name: 'Targets by rep and segment' })).toBeTruthy();
    expect(screen.getByText('Organisation target').nextElementSibling?.textContent).toBe('€1,000');
    expect(screen.getByText('Your target').nextElementSibling?.textContent).toMatch(/^€/);
    expect(screen.getByText('Segment mix: Segment A 60% · Segment B 30% · other 10%')).toBeTruthy();
    const months = screen.getByRole('table', { name: 'Monthly targets' });
    // Every month a row of its own, nothing in a sideways scroll.
    expect(within(months).getAllByRole('rowheader')).toHaveLength(12);
    expect(months.closest('.mantine-ScrollArea-root, [class*="ScrollContainer"]')).toBeNull();
    const norms = screen.getByRole('table', { name: 'Activity norms' });
    expect(within(norms).getByRole('rowheader').textContent).toBe('Segment A · prospect');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(
      screen.getByRole('img', { name: 'Monthly targets chart' }).querySelector('svg'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Save strategy|Create strategy/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add assignment' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove row/ })).toBeNull();
    expect(screen.queryByLabelText('Revenue target')).toBeNull();
  });

  it('tells a rep when no strategy is set for the year', async () => {
    mockApi(handlers('rep', null));
    renderPage();
    expect(await screen.findByText(/No strategy is set for \d+\. A sales leader/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create strategy' })).toBeNull();
  });
});
