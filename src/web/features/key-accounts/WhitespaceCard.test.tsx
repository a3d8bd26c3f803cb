import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { WhitespaceCard } from './WhitespaceCard';

const accountId = '00000000-0000-4000-8000-000000000001';
const alpha = '00000000-0000-4000-8000-0000000000b1';
const beta = '00000000-0000-4000-8000-0000000000b2';
const path = `/api/key-accounts/${accountId}/whitespace`;
const whitespace = (
  canEdit: boolean,
  alphaPotential: number | null = 100_000,
  {
    version = 1,
    unconverted = [] as { currency: string; count: number; amountMinor: number }[],
  } = {},
) => ({
  accountId,
  version,
  currency: 'EUR',
  today: '2026-11-30',
  annualRevenueMinor: null as number | null,
  items: [
    {
      productId: alpha,
      productName: 'Alpha',
      potentialMinor: alphaPotential,
      potentialBasis: alphaPotential === null ? ('none' as const) : ('entered' as const),
      typicalShareBp: null as number | null,
      wonMinor: 1_501,
      openMinor: 40_000,
      gapMinor: Math.max(0, (alphaPotential ?? 0) - 41_501),
    },
    {
      productId: beta,
      productName: 'Beta',
      potentialMinor: null as number | null,
      potentialBasis: 'none' as 'none' | 'derived',
      typicalShareBp: null as number | null,
      wonMinor: 7_000,
      openMinor: 0,
      gapMinor: 0,
    },
  ],
  totals: {
    potentialMinor: alphaPotential ?? 0,
    wonMinor: 8_501,
    openMinor: 40_000,
    gapMinor: Math.max(0, (alphaPotential ?? 0) - 41_501),
  },
  unconverted,
  canEdit,
});
describe('WhitespaceCard', () => {
  it('shows per product the potential, won, open and gap with the totals, read only for a reader', async () => {
    mockApi({ ...commonHandlers, [`GET ${path}`]: () => ({ body: whitespace(false) }) });
    renderWithProviders(<WhitespaceCard accountId={accountId} />);
    const card = await screen.findByRole('region', { name: 'Whitespace' });
    const rows = await within(card).findAllByRole('row');
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Product', 'Potential', 'Won 12 months', 'Open pipeline', 'Gap'],
      ['Alpha', '€1,000', '€15', '€400', '€585'],
      ['Beta', '—', '€70', '€0', '€0'],
      ['Total', '€1,000', '€85', '€400', '€585'],
    ]);
    expect(within(card).queryByRole('button', { name: 'Enter potentials' })).toBeNull();
    expect(within(card).queryByText(/have no rate|has no rate/)).toBeNull();
  });

  it('says a potential not entered is estimated from the annual revenue and the typical share', async () => {
    const base = whitespace(true);
    const [first, second] = base.items;
    if (!first || !second) throw new Error('fixture');
    const derived = {
      ...base,
      annualRevenueMinor: 500_000_000,
      items: [
        first,
        {
          ...second,
          potentialMinor: 10_000_000,
          potentialBasis: 'derived' as const,
          typicalShareBp: 200,
        },
      ],
    };
    mockApi({ ...commonHandlers, [`GET ${path}`]: () => ({ body: derived }) });
    renderWithProviders(<WhitespaceCard accountId={accountId} />);
    const card = await screen.findByRole('region', { name: 'Whitespace' });
    expect(
      await within(card).findByText(`estimated: €100,000 = annual revenue × 2% typical share`),
    ).toBeTruthy();
    // Entering potentials starts from the entered ones only: the estimate is a placeholder.
    await userEvent.click(within(card).getByRole('button', { name: 'Enter potentials' }));
    const input = within(card).getByLabelText('Potential of Beta (EUR)');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('says which deals are not counted for want of an exchange rate, as the dashboards do', async () => {
    const unconverted = [
      { currency: 'CHF', count: 2, amountMinor: 9_000 },
      { currency: 'USD', count: 1, amountMinor: 500 },
    ];
    mockApi({
      ...commonHandlers,
      [`GET ${path}`]: () => ({ body: whitespace(false, 100_000, { unconverted }) }),
    });
    renderWithProviders(<WhitespaceCard accountId={accountId} />);
    const card = await screen.findByRole('region', { name: 'Whitespace' });
    expect(
      await within(card).findByText(
        'Not counted in won and open pipeline: 2 deals in CHF have no rate',
      ),
    ).toBeTruthy();
    expect(
      within(card).getByText('Not counted in won and open pipeline: 1 deal in USD has no rate'),
    ).toBeTruthy();
  });

  it('sends the version it read as If-Match, and on a stale one shows why and the current figures', async () => {
    const { fetchMock } = mockApi({
      ...commonHandlers,
      [`GET ${path}`]: () => ({ body: whitespace(true, 100_000, { version: 4 }) }),
      [`PUT ${path}`]: () => ({
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message:
              'The potentials changed since you read them: you sent version 4, they are at version 5.',
            current: whitespace(true, 300_000, { version: 5 }),
          },
        },
      }),
    });
    renderWithProviders(<WhitespaceCard accountId={accountId} />);
    const card = await screen.findByRole('region', { name: 'Whitespace' });
    await userEvent.click(await within(card).findByRole('button', { name: 'Enter potentials' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Save potentials' }));
    expect(await within(card).findByRole('alert')).toHaveProperty(
      'textContent',
      'The potentials changed since you read them: you sent version 4, they are at version 5.',
    );
    const putInit = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')?.[1];
    expect(putInit?.headers).toMatchObject({ 'If-Match': '"4"' });
    // The current whitespace replaced the one read: its total potential shows.
    expect(within(card).getByText('€3,000')).toBeTruthy();
  });

  it('lets the owner enter potentials in whole units, sent as minor units, refusing a negative', async () => {
    const api = mockApi({
      ...commonHandlers,
      [`GET ${path}`]: () => ({ body: whitespace(true) }),
      [`PUT ${path}`]: () => ({ body: whitespace(true, 125_050) }),
    });
    renderWithProviders(<WhitespaceCard accountId={accountId} />);
    const card = await screen.findByRole('region', { name: 'Whitespace' });
    await userEvent.click(await within(card).findByRole('button', { name: 'Enter potentials' }));
    const alphaInput = within(card).getByLabelText('Potential of Alpha (EUR)');
    expect((alphaInput as HTMLInputElement).value).toBe('1000.00');
    await userEvent.clear(alphaInput);
    await userEvent.type(alphaInput, '1 250,50');
    await userEvent.type(within(card).getByLabelText('Potential of Beta (EUR)'), '-5');
    await userEvent.click(within(card).getByRole('button', { name: 'Save potentials' }));
    expect(await within(card).findByText('must not be negative')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await userEvent.clear(within(card).getByLabelText('Potential of Beta (EUR)'));
    await userEvent.click(within(card).getByRole('button', { name: 'Save potentials' }));
    // The potential and the total both read the saved figure.
    expect(await within(card).findAllByText('€1,251')).toHaveLength(2);
    expect(api.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { potentials: [{ productId: alpha, potentialMinor: 125_050 }] },
    ]);
  });
});
