import { Anchor, Badge, Card, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../../components/dates';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { useCurrentFiscalYear, useSession } from '../session/useSession';
import { KeyAccountReviewsDue } from '../key-accounts/KeyAccountReviewsDue';
import { StrategyPanel } from '../strategies/StrategyPanel';
import { TeamPlanView } from '../team-plans/TeamPlanView';
import { EveryTeamReps, YourTeamReps } from './TeamReps';
import { useDueCheckIns } from './useRepPlans';

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

function KeyAccountCard({ children }: { children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Key-account plans
      </Title>
      {children}
    </Card>
  );
}

/** A rep has no team: say where their own plan and figures are. */
function NoTeamForReps() {
  return (
    <Stack>
      <Title order={1}>Team</Title>
      <Card withBorder>
        <Text>
          The Team page is your manager’s: each rep’s plan, figures and check-ins. Your own are on{' '}
          <Anchor component={Link} to="/my-plan">
            My plan
          </Anchor>{' '}
          and{' '}
          <Anchor component={Link} to="/dashboards/rep">
            your dashboard
          </Anchor>
          .
        </Text>
      </Card>
    </Stack>
  );
}

/**
 * The manager's working tool: each rep's figures, plan and check-ins by what needs attention
 * (a leader: every team, each with its summary row), the check-ins due, the team plan and the
 * strategy. A rep has no Team page of their own.
 */
export function TeamPage() {
  const year = useCurrentFiscalYear();
  const session = useSession();
  const role = session.data?.user.role;
  // Who is asking decides the page: wait for it rather than ask for the wrong team.
  if (session.isPending) return <TableSkeleton columns={6} />;
  if (role === 'rep') return <NoTeamForReps />;
  const isLeader = role === 'leader' || role === 'admin';
  return (
    <Stack>
      <Title order={1}>Team</Title>
      <Tabs defaultValue="plans">
        <Tabs.List>
          <Tabs.Tab value="plans">{isLeader ? 'Every team' : 'Reps'}</Tabs.Tab>
          <Tabs.Tab value="check-ins">Check-ins and reviews due</Tabs.Tab>
          <Tabs.Tab value="team-plan">Team plan</Tabs.Tab>
          <Tabs.Tab value="strategy">Strategy</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <Stack gap="sm">
            <Group justify="flex-end">
              <ExportCsvMenu
                path="/api/rep-plans"
                filters={{ year }}
                label={`Export ${year} rep plans`}
                importsBack={false}
              />
            </Group>
            <Card withBorder>{isLeader ? <EveryTeamReps /> : <YourTeamReps />}</Card>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="check-ins" pt="md">
          <Stack>
            <Card withBorder>
              <DueCheckIns />
            </Card>
            <KeyAccountReviewsDue frame={(content) => <KeyAccountCard>{content}</KeyAccountCard>} />
          </Stack>
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
