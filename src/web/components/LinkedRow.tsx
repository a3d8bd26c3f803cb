import type { ReactNode } from 'react';
import { Anchor, Table } from '@mantine/core';
import { Link, useNavigate } from 'react-router';

/** A list row that opens its record when clicked anywhere; its first cell is the real link. */
export function LinkedRow({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Table.Tr onClick={() => navigate(to)} style={{ cursor: 'pointer' }}>
      {children}
    </Table.Tr>
  );
}

/** The row's link cell (keyboard and screen readers reach the record through it). */
export function LinkCell({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Table.Td>
      <Anchor component={Link} to={to} fw={600} onClick={(event) => event.stopPropagation()}>
        {children}
      </Anchor>
    </Table.Td>
  );
}
