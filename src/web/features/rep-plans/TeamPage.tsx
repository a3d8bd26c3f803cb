import { Anchor, Badge, Card, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../../components/dates';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { useCurrentFiscalYear } from '../session/useSession';
import { StrategyPanel } from '../strategies/StrategyPanel';
import { TeamPlanView } from '../team-plans/TeamPlanView';
import { STATE_WORDS } from './plan-words';
import { useDueCheckIns, useRepPlanList } from './useRepPlans';

function TeamPlans({ year }: { year: number }) {
  const plans = useRepPlanList(year);
  if (plans.isPending) return <TableSkeleton columns={3} />;
  if (plans.isError) return <ErrorAlert error={plans.error} />;
  if (plans.data.items.length === 0) return <Text c="dimmed">No rep plans for {year} yet.</Text>;
  return (
    <Table aria-label="Rep plans">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rep</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Cadence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plans.data.items.map((plan) => (
          <Table.Tr key={plan.id}>
            <Table.Td>
              <Anchor component={Link} to={`/my-plan?plan=${plan.id}`}>
                {plan.rep.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{STATE_WORDS[plan.state]}</Table.Td>
            <Table.Td>{plan.cadence === 'monthly' ? 'Monthly' : 'Quarterly'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DueCheckIns() {
  const due = useDueCheckIns();
  if (due.isPending) return <TableSkeleton columns={3} />;
  if (due.isError) return <ErrorAlert error={due.error} />;
  if (due.data.items.length === 0) return <Text c="dimmed">No check-in is due.</Text>;
  return (
    <Table aria-label="Check-ins due">
      <Table.Tbody>
        {due.data.items.map((checkIn) => (
          <Table.Tr key={checkIn.id}>
            <Table.Td>{checkIn.rep.name}</Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/my-plan?plan=${checkIn.repPlanId}&checkIn=${checkIn.id}`}
              >
                Check-in {formatDay(checkIn.periodStart)} – {formatDay(checkIn.periodEnd)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={checkIn.isOverdue ? 'red' : 'gray'}>
                {checkIn.isOverdue ? 'Overdue since' : 'Due'} {formatDay(checkIn.dueOn)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The team's rep plans and check-ins due, and the organisation strategy they cascade from. */
export function TeamPage() {
  const year = useCurrentFiscalYear();
  return (
    <Stack>
      <Title order={1}>Team</Title>
      <Tabs defaultValue="plans">
        <Tabs.List>
          <Tabs.Tab value="plans">Rep plans</Tabs.Tab>
          <Tabs.Tab value="check-ins">Check-ins due</Tabs.Tab>
          <Tabs.Tab value="team-plan">Team plan</Tabs.Tab>
          <Tabs.Tab value="strategy">Strategy</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <Card withBorder>
            <TeamPlans year={year} />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="check-ins" pt="md">
          <Card withBorder>
            <DueCheckIns />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="team-plan" pt="md">
          <TeamPlanView year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="strategy" pt="md">
          <StrategyPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
