import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { CheckIn } from '../../../schemas/check-ins';
import { errorMessage } from '../../api/client';
import { formatMoney } from '../../components/money';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useCheckIn, useRecordCheckIn } from './useCheckIns';

function PlanVsActualTables({ checkIn, currency }: { checkIn: CheckIn; currency: string }) {
  const behind = { c: 'red', fw: 700 } as const;
  return (
    <>
      <Table aria-label="Activities plan vs actual">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Activity</Table.Th>
            <Table.Th ta="right">Planned</Table.Th>
            <Table.Th ta="right">Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkIn.planVsActual.activities.map((row) => (
            <Table.Tr key={row.activityType}>
              <Table.Td>{row.activityType.replace('_', ' ')}</Table.Td>
              <Table.Td ta="right">{row.planned}</Table.Td>
              <Table.Td ta="right" {...(row.isBehind ? behind : {})}>
                {row.done}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table aria-label="Targets to date">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Target</Table.Th>
            <Table.Th ta="right">Due to date</Table.Th>
            <Table.Th ta="right">Won to date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkIn.planVsActual.targets.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">{formatMoney(row.targetToDateMinor, currency)}</Table.Td>
              <Table.Td ta="right" {...(row.isBehind ? behind : {})}>
                {formatMoney(row.wonToDateMinor, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The check-in form: plan vs actual with discrepancies in red, then what was said and agreed. */
export function CheckInForm({
  planId,
  checkInId,
  currency,
  onClose,
}: {
  planId: string;
  checkInId: string | null;
  currency: string;
  onClose: () => void;
}) {
  const checkIn = useCheckIn(planId, checkInId);
  const record = useRecordCheckIn(planId);
  const [texts, setTexts] = useState({ discrepancies: '', difficulties: '', adjustments: '' });
  const isHeld = checkIn.data?.status === 'held';
  const field = (name: keyof typeof texts, label: string) => (
    <Textarea
      label={label}
      rows={2}
      readOnly={isHeld}
      value={isHeld ? (checkIn.data?.[name] ?? '') : texts[name]}
      onChange={(event) => setTexts({ ...texts, [name]: event.currentTarget.value })}
    />
  );
  if (checkInId === null) return null;
  return (
    <Card withBorder padding="md" mb="md" aria-label="Check-in">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Check-in
        </Title>
        <Button variant="subtle" size="xs" onClick={onClose}>
          Close
        </Button>
      </Group>
      {checkIn.isPending && <DetailSkeleton />}
      {checkIn.isError && <ErrorAlert error={checkIn.error} />}
      {checkIn.data && (
        <Stack>
          <Text size="sm" c="dimmed">
            Plan vs actual as of {checkIn.data.planVsActual.asOf}
          </Text>
          <PlanVsActualTables checkIn={checkIn.data} currency={currency} />
          {field('discrepancies', 'Discrepancies')}
          {field('difficulties', 'Difficulties')}
          {field('adjustments', 'Agreed adjustments')}
          {record.isError && <Alert color="red">{errorMessage(record.error)}</Alert>}
          {!isHeld && (
            <Group justify="flex-end">
              <Button
                loading={record.isPending}
                onClick={() =>
                  record.mutate({ checkInId, input: texts }, { onSuccess: () => onClose() })
                }
              >
                Record check-in
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
