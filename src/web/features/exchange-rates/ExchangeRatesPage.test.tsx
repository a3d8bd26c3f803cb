import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { me, mockApi, renderWithProviders } from '../../test-utils';
import { ExchangeRatesPage } from './ExchangeRatesPage';

const admin = { ...me, user: { ...me.user, role: 'admin' as const } };
const usd = {
  currency: 'USD',
  month: '2026-03',
  rate: '0.92',
  minorUnitRate: '0.92',
  updatedAt: '2026-03-01T10:00:00Z',
};

describe('ExchangeRatesPage', () => {
  it('lists the rates, checks a new rate with the shared schema, and saves it', async () => {
    const { calls } = mockApi({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/exchange-rates': () => ({ body: { items: [usd], total: 1 } }),
      'PUT /api/exchange-rates/JPY/2026-04': (call) => ({
        body: { ...usd, currency: 'JPY', month: '2026-04', ...(call.body as object) },
      }),
    });
    renderWithProviders(<ExchangeRatesPage />);
    const table = await screen.findByRole('table', { name: 'Exchange rates' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('USD2026-030.92');

    await userEvent.click(screen.getByRole('button', { name: 'New rate' }));
    await userEvent.type(screen.getByLabelText(/Currency/), 'jpy');
    await userEvent.type(screen.getByLabelText(/Month/), '2026-04');
    await userEvent.type(screen.getByLabelText(/^Rate/), '-1');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate' }));
    expect(await screen.findByText(/Must be a decimal like 0.92/)).toBeTruthy();
    expect(calls.filter((call) => call.method === 'PUT')).toEqual([]);

    await userEvent.clear(screen.getByLabelText(/^Rate/));
    await userEvent.type(screen.getByLabelText(/^Rate/), '0.0061');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate' }));
    await screen.findByText('Rate saved');
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { rate: '0.0061' },
    ]);
  });

  it('uploads a CSV table and shows the rows the server refused', async () => {
    const { calls } = mockApi({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/exchange-rates': () => ({ body: { items: [], total: 0 } }),
      'POST /api/exchange-rates/import': () => ({
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: 'line 2.rate: must be above 0',
            issues: [{ field: 'line 2.rate', reason: 'must be above 0' }],
          },
        },
      }),
    });
    renderWithProviders(<ExchangeRatesPage />);
    await screen.findByText('No exchange rates');
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const csv = 'currency,month,rate\nUSD,2026-01,0\n';
    fireEvent.change(input, { target: { files: [new File([csv], 'rates.csv')] } });
    expect(await screen.findByText('line 2.rate: must be above 0')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ csv });
  });
});
