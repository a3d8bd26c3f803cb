import { useState } from 'react';
import { Anchor, Badge, Card, Table, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { CheckInForm } from './CheckInForm';

/** The plan's check-ins by cadence, overdue ones highlighted, with the revisions they made. */
export function RepPlanCheckIns({ plan, userId }: { plan: RepPlan; userId: string }) {
  const [openId, setOpenId] = useState<string | null>(null);
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
                  <Badge color="green">held</Badge>
                ) : checkIn.isOverdue ? (
                  <Badge color="red">overdue</Badge>
                ) : (
                  <Badge color="gray">due</Badge>
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
