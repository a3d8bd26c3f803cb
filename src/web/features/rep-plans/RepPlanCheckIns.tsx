import { Anchor, Badge, Card, Table, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { CheckInForm } from './CheckInForm';

/** The plan's check-ins by cadence, overdue ones highlighted, with the revisions they made. */
export function RepPlanCheckIns({ plan, userId }: { plan: RepPlan; userId: string }) {
  // The open check-in is in the address, so the Check-ins due list can link straight to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('checkIn');
  const setOpenId = (id: string | null) =>
    setSearchParams((params) => {
      if (id === null) params.delete('checkIn');
      else params.set('checkIn', id);
      return params;
    });
  // Mirrors the API: only the manager revises an agreed plan, at a check-in.
  const canRevise =
    plan.manager?.id === userId && (plan.state === 'agreed' || plan.state === 'revised');
  return (
    <Card withBorder padding="lg">
      <CheckInForm
        key={openId ?? 'closed'}
        plan={plan}
        checkInId={openId}
        canRevise={canRevise}
        onClose={() => setOpenId(null)}
      />
      <Title order={2} size="h4" mb="sm">
        Check-ins
      </Title>
      <Table aria-label="Check-ins">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Revised plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.checkIns.map((checkIn) => (
            <Table.Tr key={checkIn.id}>
              <Table.Td>
                <Anchor component="button" onClick={() => setOpenId(checkIn.id)}>
                  {formatDay(checkIn.periodStart)} – {formatDay(checkIn.periodEnd)}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDay(checkIn.dueOn)}</Table.Td>
              <Table.Td>
                {checkIn.status === 'held' ? (
                  <Badge variant="light" color="green">
                    Held
                  </Badge>
                ) : checkIn.isOverdue ? (
                  <Badge variant="light" color="red">
                    Overdue
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    Due
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {checkIn.resultingVersionNumber === null
                  ? '—'
                  : `version ${checkIn.resultingVersionNumber}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
