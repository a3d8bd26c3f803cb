import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, TextInput } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../api/client';
import { commonHandlers, mockApi, renderWithProviders } from '../test-utils';
import { ListPage } from './ListPage';
import { pretendPhone } from './pretend-phone';

const query = {
  isPending: false,
  isError: false,
  isPlaceholderData: false,
  data: { items: [{ id: 'a1' }], total: 1 },
} as unknown as UseQueryResult<Page<{ id: string }>>;

function Accounts() {
  return (
    <ListPage
      title="Accounts"
      description="Prospects and customers."
      action={<Button>New account</Button>}
      filters={<TextInput label="Industry" />}
      query={query}
      params={{
        page: 1,
        setPage: () => {},
        hasFilters: true,
        activeFilterCount: 2,
        clearFilters: () => {},
      }}
      pageSize={25}
      noun="accounts"
      columns={2}
      noMatch={{ title: 'No match', description: '' }}
      empty={{ title: 'None', description: '', action: null }}
    >
      {() => <p>the rows</p>}
    </ListPage>
  );
}

let restore = () => {};
afterEach(() => restore());

describe('ListPage', () => {
  it('shows the filters in the toolbar on a desktop', () => {
    mockApi(commonHandlers);
    renderWithProviders(<Accounts />);
    expect(screen.getByRole('textbox', { name: 'Industry' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Filters/ })).toBeNull();
  });

  it('folds the filters behind a button with the active count on a phone', async () => {
    restore = pretendPhone();
    mockApi(commonHandlers);
    renderWithProviders(<Accounts />);
    const toggle = screen.getByRole('button', { name: 'Filters (2 active)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'Industry' })).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByRole('textbox', { name: 'Industry' })).toBeTruthy();
    expect(screen.getByText('the rows')).toBeTruthy();
  });
});
