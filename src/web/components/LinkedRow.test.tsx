import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Table } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../test-utils';
import { LinkCell, LinkedRow } from './LinkedRow';

function List() {
  return (
    <Table>
      <Table.Tbody>
        <LinkedRow to="/accounts/1">
          <LinkCell to="/accounts/1">Northwind</LinkCell>
          <Table.Td>Prospect</Table.Td>
        </LinkedRow>
      </Table.Tbody>
    </Table>
  );
}

describe('LinkedRow', () => {
  it('opens the record from anywhere on the row, and its first cell is a real link', async () => {
    mockApi(commonHandlers);
    renderWithProviders(
      <Routes>
        <Route path="/accounts" element={<List />} />
        <Route path="/accounts/1" element={<p>Account page</p>} />
      </Routes>,
      { route: '/accounts' },
    );
    expect(screen.getByRole('link', { name: 'Northwind' }).getAttribute('href')).toBe(
      '/accounts/1',
    );
    await userEvent.click(screen.getByText('Prospect'));
    expect(await screen.findByText('Account page')).toBeTruthy();
  });
});
