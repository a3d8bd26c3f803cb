import { memo } from 'react';
import { NumberInput, Table, Text } from '@mantine/core';
import { ACCOUNT_STATUSES } from '../../../domain/account';
import type { ActivityType, Segment } from '../../../schemas/reference';
import type { FieldErrors } from '../../components/form-errors';
import { normKey } from './strategy-draft';

/** Segment activity norms: per segment and account status, a count per year of each activity. */
export const NormsTable = memo(function NormsTable({
  norms,
  segments,
  activityTypes,
  errors,
  isReadOnly,
  onChange,
}: {
  norms: Record<string, number | string>;
  segments: readonly Segment[];
  activityTypes: readonly ActivityType[];
  errors: FieldErrors;
  isReadOnly: boolean;
  onChange: (norms: Record<string, number | string>) => void;
}) {
  if (segments.length === 0 || activityTypes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The organisation has no segments or activity types yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={200 + activityTypes.length * 90}>
      <Table aria-label="Activity norms" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Segment</Table.Th>
            <Table.Th>Account status</Table.Th>
            {activityTypes.map((type) => (
              <Table.Th key={type.key} ta="right">
                {type.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.flatMap((segment) =>
            ACCOUNT_STATUSES.map((status) => (
              <Table.Tr key={`${segment.id}:${status}`}>
                <Table.Td>{status === 'prospect' ? segment.name : ''}</Table.Td>
                <Table.Td>{status}</Table.Td>
                {activityTypes.map((type) => {
                  const key = normKey(segment.id, status, type.key);
                  return (
                    <Table.Td key={type.key}>
                      <NumberInput
                        aria-label={`${segment.name}, ${status}, ${type.label} per year`}
                        size="xs"
                        w={80}
                        min={0}
                        max={1000}
                        allowDecimal={false}
                        hideControls
                        placeholder="–"
                        readOnly={isReadOnly}
                        value={norms[key] ?? ''}
                        onChange={(value) => onChange({ ...norms, [key]: value })}
                        error={errors[`norms.${key}`]}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});
