import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpectedClose } from '../opportunities/ExpectedClose';
import { makeOpportunity, me, mockApi, renderWithProviders } from '../../test-utils';
import { useCurrentFiscalYear, useToday } from './useSession';

// "Today" is the organisation's date, not the browser's: a clock is frozen near midnight UTC and
// the organisation sits far east (UTC+14) or far west (UTC−11) of it.

function signedInTo(timeZone: string) {
  mockApi({
    'GET /api/me': () => ({ body: { ...me, organisation: { ...me.organisation, timeZone } } }),
  });
}

function Today() {
  return (
    <p>
      today {useToday()}, fiscal year {useCurrentFiscalYear()}
    </p>
  );
}

describe('useToday', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('is already tomorrow in Kiritimati (UTC+14), fiscal year included', async () => {
    vi.setSystemTime(new Date('2026-12-31T20:00:00Z'));
    signedInTo('Pacific/Kiritimati');
    renderWithProviders(<Today />);

    expect(await screen.findByText('today 2027-01-01, fiscal year 2027')).toBeTruthy();
  });

  it('is still yesterday in Pago Pago (UTC−11)', async () => {
    vi.setSystemTime(new Date('2027-01-01T05:00:00Z'));
    signedInTo('Pacific/Pago_Pago');
    renderWithProviders(<Today />);

    expect(await screen.findByText('today 2026-12-31, fiscal year 2026')).toBeTruthy();
  });

  it("flags an open deal overdue by the organisation's date, not the browser's", async () => {
    vi.setSystemTime(new Date('2026-03-31T22:30:00Z'));
    signedInTo('Pacific/Kiritimati');
    const deal = makeOpportunity({ expectedCloseOn: '2026-03-31' });
    renderWithProviders(<ExpectedClose opportunity={deal} />);

    expect(await screen.findByText('(overdue)')).toBeTruthy();
  });
});
