import { Anchor, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { OrganisationDashboard } from '../../../schemas/dashboards';
import type { QueryValue } from '../../api/client';
import { formatWholeMoney } from '../../components/money';
import { DashboardSection } from './DashboardSection';
import { formatRate, opportunitiesLink } from './dashboard-format';
import { StandingWord } from './StandingWord';

type WonBy = OrganisationDashboard['wonBy'];
type AttainmentRow = OrganisationDashboard['teams'][number];

const WON_BY: { key: keyof WonBy; title: string; filter?: string }[] = [
  { key: 'product', title: 'By product', filter: 'productId' },
  { key: 'segment', title: 'By segment', filter: 'segmentId' },
  { key: 'territory', title: 'By territory', filter: 'territoryId' },
  // The opportunity list cannot filter by customer type: its rows have no link.
  { key: 'customerType', title: 'By customer type' },
];

/** Won revenue of the period per product, segment, territory and customer type. */
export function WonBySection({
  dashboard,
  filters,
}: {
  dashboard: OrganisationDashboard;
  filters: Record<string, QueryValue>;
}) {
  const { period, currency } = dashboard;
  return (
    <DashboardSection title="Won revenue" description="Deals won in the period, by group">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {WON_BY.map(({ key, title, filter }) => (
          <div key={key}>
            <Title order={3} size="h5" mb={4}>
              {title}
            </Title>
            {dashboard.wonBy[key].length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing won in the period.
              </Text>
            ) : (
              <Table aria-label={`Won revenue ${title.toLowerCase()}`} tabularNums fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      {title.replace('By ', '').replace(/^./, (c) => c.toUpperCase())}
                    </Table.Th>
                    <Table.Th ta="right">Deals won</Table.Th>
                    <Table.Th ta="right">Won revenue</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dashboard.wonBy[key].map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Th scope="row" fw={400}>
                        {filter ? (
                          <Anchor
                            component={Link}
                            to={opportunitiesLink({
                              ...filters,
                              [filter]: row.id,
                              status: 'won',
                              closedFrom: period.from,
                              closedTo: period.to,
                            })}
                          >
                            {row.name}
                          </Anchor>
                        ) : (
                          row.name
                        )}
                      </Table.Th>
                      <Table.Td ta="right">{row.won}</Table.Td>
                      <Table.Td ta="right">{formatWholeMoney(row.wonRevenue, currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
        ))}
      </SimpleGrid>
    </DashboardSection>
  );
}

/** Attainment per team or per rep; the name opens that team's or rep's view. */
export function AttainmentRowsTable({
  label,
  nameHeader,
  rows,
  currency,
  linkOf,
}: {
  label: string;
  nameHeader: string;
  rows: readonly AttainmentRow[];
  currency: string;
  linkOf: (row: AttainmentRow) => string;
}) {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  if (rows.length === 0) return <Text c="dimmed">None in these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label={label} tabularNums highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{nameHeader}</Table.Th>
            <Table.Th ta="right">Attainment</Table.Th>
            <Table.Th ta="right">Won to date</Table.Th>
            <Table.Th ta="right">Target to date</Table.Th>
            <Table.Th ta="right">Gap</Table.Th>
            <Table.Th ta="right">Year target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={linkOf(row)} fw={600}>
                  {row.name}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right">
                {formatRate(row.attainment)}
                <StandingWord won={row.wonToDate} due={row.targetToDate} />
              </Table.Td>
              <Table.Td ta="right">{money(row.wonToDate)}</Table.Td>
              <Table.Td ta="right">{money(row.targetToDate)}</Table.Td>
              <Table.Td ta="right">{money(row.gap)}</Table.Td>
              <Table.Td ta="right">{money(row.targetYear)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
