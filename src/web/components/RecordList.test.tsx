import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../test-utils';
import { pretendPhone } from './pretend-phone';
import { RecordList } from './RecordList';

type Deal = { id: string; name: string; owner: string; stage: string };
const DEALS: Deal[] = [
  { id: 'd1', name: 'Northwind renewal', owner: 'Anna Schmidt', stage: 'Proposal' },
  { id: 'd2', name: 'Contoso pilot', owner: 'Ben Ortiz', stage: 'Qualification' },
];

function Deals({ onSort = () => {} }: { onSort?: (field: string, order: string) => void }) {
  return (
    <RecordList
      label="Deals"
      rows={DEALS}
      rowKey={(deal) => deal.id}
      rowLink={(deal) => `/deals/${deal.id}`}
      sorting={{ sort: 'name', order: 'asc', onSort }}
      columns={[
        { label: 'Name', sortField: 'name', cell: (deal) => deal.name },
        { label: 'Owner', cell: (deal) => deal.owner },
        { label: 'Stage', sortField: 'stage', cell: (deal) => deal.stage },
      ]}
      actions={(deal) => <Button aria-label={`Mark ${deal.name} done`}>Mark done</Button>}
    />
  );
}

function renderDeals(onSort?: (field: string, order: string) => void) {
  mockApi(commonHandlers);
  renderWithProviders(
    <Routes>
      <Route path="/deals" element={<Deals onSort={onSort} />} />
      <Route path="/deals/:id" element={<p>Deal page</p>} />
    </Routes>,
    { route: '/deals' },
  );
}

let restore = () => {};
afterEach(() => restore());

describe('RecordList', () => {
  it('shows a table with sortable headers and a link per row on a desktop', () => {
    renderDeals();
    const table = screen.getByRole('table', { name: 'Deals' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Owner', 'Stage', 'Actions']);
    expect(within(table).getByRole('link', { name: 'Northwind renewal' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Deals' })).toBeNull();
  });

  it('shows each row as a card on a phone: the name as its link, every column labelled, its actions', async () => {
    restore = pretendPhone();
    renderDeals();
    expect(screen.queryByRole('table')).toBeNull();
    const cards = within(screen.getByRole('list', { name: 'Deals' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const [first = document.body] = cards;
    expect(
      within(first).getByRole('link', { name: 'Northwind renewal' }).getAttribute('href'),
    ).toBe('/deals/d1');
    // Each column but the name under its header's label.
    const valueOf = (label: string) =>
      within(first).getByText(label).nextElementSibling?.textContent;
    expect([valueOf('Owner'), valueOf('Stage')]).toEqual(['Anna Schmidt', 'Proposal']);
    expect(within(first).getByRole('button', { name: 'Mark Northwind renewal done' })).toBeTruthy();
    // A click on the card's body opens the record, as a table row does.
    await userEvent.click(within(first).getByText('Anna Schmidt'));
    expect(await screen.findByText('Deal page')).toBeTruthy();
  });

  it('sorts the cards by the fields the table sorts by', async () => {
    restore = pretendPhone();
    const onSort = vi.fn();
    renderDeals(onSort);
    await userEvent.click(screen.getByRole('combobox', { name: 'Order' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Descending' }));
    expect(onSort).toHaveBeenCalledWith('name', 'desc');
    await userEvent.click(screen.getByRole('combobox', { name: 'Sort by' }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'Name',
      'Stage',
    ]);
  });
});
