import { useState } from 'react';
import { Badge, Card, Group, Select, Table, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { planCurrency } from './rep-plan-draft';
import { type AgreedVersion, useRepPlanVersions, useVersionComparison } from './useRepPlanVersions';
import { describeVersionChanges } from './version-changes';
import { STATE_WORDS, useActivityTypeWords } from './plan-words';

/** A version frozen by a check-in's agreed adjustment is a revision; the others were agreed. */
function stateOf(version: AgreedVersion, plan: RepPlan) {
  const checkIn = plan.checkIns.find((c) => c.resultingVersionNumber === version.versionNumber);
  return checkIn
    ? { state: 'revised' as const, at: `at the check-in of ${formatDay(checkIn.periodStart)}` }
    : { state: 'agreed' as const, at: null };
}

function VersionComparisonTable({ plan, from, to }: { plan: RepPlan; from: number; to: number }) {
  const comparison = useVersionComparison(plan.id, from, to);
  const activityTypes = useActivityTypeWords();
  if (comparison.isPending) return <TableSkeleton columns={4} rows={3} />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} />;
  const segmentNames = new Map((plan.targets?.segments ?? []).map((s) => [s.code, s.name]));
  const lines = describeVersionChanges(comparison.data.changes, {
    currency: planCurrency(plan),
    segmentNames,
    activityTypeLabel: activityTypes.label,
  });
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing changed between version {from} and version {to}.
      </Text>
    );
  }
  return (
    <Table aria-label={`Changes from version ${from} to version ${to}`} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">Section</Table.Th>
          <Table.Th w="24%">What</Table.Th>
          <Table.Th>Version {from}</Table.Th>
          <Table.Th>Version {to}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.key}>
            <Table.Td>{line.section}</Table.Td>
            <Table.Td>
              {line.label}
              {line.note && (
                <Text size="xs" c="dimmed">
                  {line.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.before}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every agreed version of the plan, and what changed between any two of them. */
export function RepPlanVersions({ plan }: { plan: RepPlan }) {
  const versions = useRepPlanVersions(plan.id);
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({
    from: null,
    to: null,
  });
  const numbers = (versions.data ?? []).map((v) => v.versionNumber);
  // Until someone picks, compare the latest version with the one before it.
  const from = picked.from ?? numbers.at(-2) ?? null;
  const to = picked.to ?? numbers.at(-1) ?? null;
  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));
  return (
    <Card withBorder padding="lg" component="section" aria-label="Versions">
      <Title order={2} size="h4" mb="sm">
        Versions
      </Title>
      {versions.isPending && <TableSkeleton columns={5} rows={2} />}
      {versions.isError && (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      {versions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No agreed version yet: a version is kept each time the rep and the manager agree the plan,
          and at each revision.
        </Text>
      )}
      {versions.data && versions.data.length > 0 && (
        <Table aria-label="Agreed versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th miw={100}>State</Table.Th>
              <Table.Th>Rep signed</Table.Th>
              <Table.Th>Manager signed</Table.Th>
              <Table.Th>Reason or adjustment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((version) => {
              const { state, at } = stateOf(version, plan);
              return (
                <Table.Tr key={version.versionNumber}>
                  <Table.Td>{version.versionNumber}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={state === 'revised' ? 'teal' : 'green'}
                      style={{ flexShrink: 0 }}
                    >
                      {STATE_WORDS[state]}
                    </Badge>
                    {at && (
                      <Text size="xs" c="dimmed">
                        {at}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDay(version.repSignedAt)}</Table.Td>
                  <Table.Td>{formatDay(version.managerSignedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{version.reason}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {numbers.length >= 2 && (
        <>
          <Group mt="md" mb="sm" align="flex-end">
            <Select
              label="Compare version"
              data={options}
              value={from === null ? null : String(from)}
              onChange={(value) => value && setPicked({ from: Number(value), to })}
              allowDeselect={false}
              w={160}
            />
            <Select
              label="with version"
              data={options}
              value={to === null ? null : String(to)}
              onChange={(value) => value && setPicked({ from, to: Number(value) })}
              allowDeselect={false}
              w={160}
            />
          </Group>
          {from !== null && to !== null && from !== to ? (
            <VersionComparisonTable plan={plan} from={from} to={to} />
          ) : (
            <Text size="sm" c="dimmed">
              Pick two different versions to see what changed.
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
