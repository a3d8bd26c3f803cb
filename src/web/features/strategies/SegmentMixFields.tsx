import { memo } from 'react';
import { Badge, Group, NumberInput, Table, Text } from '@mantine/core';
import type { Segment } from '../../../schemas/reference';
import type { FieldErrors } from '../../components/form-errors';
import { mixTotalPercent, type StrategyDraft } from './strategy-draft';

/** One share per segment; what the shares leave below 100% is "Other" (DOMAIN.md). */
export const SegmentMixFields = memo(function SegmentMixFields({
  mix,
  segments,
  errors,
  isReadOnly,
  onChange,
}: {
  mix: StrategyDraft['mix'];
  segments: readonly Segment[];
  errors: FieldErrors;
  isReadOnly: boolean;
  onChange: (mix: StrategyDraft['mix']) => void;
}) {
  const total = mixTotalPercent(mix);
  const other = Math.round((100 - total) * 100) / 100;
  return (
    <>
      <Table aria-label="Segment mix" withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Segment</Table.Th>
            <Table.Th w={180}>Share of the target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((segment) => (
            <Table.Tr key={segment.id}>
              <Table.Td>
                {segment.name}{' '}
                <Text span size="xs" c="dimmed">
                  {segment.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Share of ${segment.name} (%)`}
                  size="xs"
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix="%"
                  placeholder="not in the mix"
                  readOnly={isReadOnly}
                  value={mix[segment.id] ?? ''}
                  onChange={(value) => onChange({ ...mix, [segment.id]: value })}
                  error={errors[`segmentMix.${segment.id}`]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" mt="xs" aria-label="Segment mix total">
        <Text size="sm" fw={600}>
          Total {total}%
        </Text>
        {total === 100 && (
          <Badge color="green" variant="light">
            complete
          </Badge>
        )}
        {total < 100 && (
          <Badge color="yellow" variant="light">
            {other}% other
          </Badge>
        )}
        {total > 100 && (
          <Badge color="red" variant="light">
            over 100%
          </Badge>
        )}
      </Group>
      {total < 100 && (
        <Text size="xs" c="dimmed">
          The rest of the target is &quot;Other&quot;: only reps with a share of the whole mix carry
          it.
        </Text>
      )}
      {errors.segmentMix && (
        <Text size="sm" c="red" role="alert">
          {errors.segmentMix}
        </Text>
      )}
    </>
  );
});
