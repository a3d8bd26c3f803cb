import { memo } from 'react';
import { ActionIcon, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import type { Segment } from '../../../schemas/reference';
import type { FieldErrors } from '../../components/form-errors';
import { PlusIcon } from '../../components/icons';
import { type AssignmentDraft, newAssignment, type OrganisationModel } from './strategy-draft';

const WHOLE_MIX = 'whole-mix';

const MODEL_HINTS: Record<OrganisationModel, string> = {
  territory:
    'Each rep carries a share of the whole mix, split by the weight (territory potential).',
  specialised:
    "Each rep holds segments; a segment's target is split among its reps by the weight (capacity).",
  mixed:
    'Reps with a segment split that segment by capacity; reps on the whole mix share the rest by potential.',
};

/** Who carries the target: a row per rep and segment (or the whole mix), with a weight. */
export const AssignmentFields = memo(function AssignmentFields({
  assignments,
  model,
  reps,
  segments,
  errors,
  isReadOnly,
  onChange,
}: {
  assignments: AssignmentDraft[];
  model: OrganisationModel;
  reps: { value: string; label: string }[];
  /** The segments in the mix, which specialised reps may hold. */
  segments: readonly Segment[];
  errors: FieldErrors;
  isReadOnly: boolean;
  onChange: (assignments: AssignmentDraft[]) => void;
}) {
  const segmentOptions = [
    ...(model === 'specialised' ? [] : [{ value: WHOLE_MIX, label: 'Whole mix' }]),
    ...(model === 'territory' ? [] : segments.map((s) => ({ value: s.id, label: s.name }))),
  ];
  const change = (index: number, patch: Partial<AssignmentDraft>) =>
    onChange(assignments.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {MODEL_HINTS[model]} Equal weights split equally.
      </Text>
      {assignments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rep carries the target yet.
        </Text>
      ) : (
        <Table aria-label="Assignments" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th>Segment</Table.Th>
              <Table.Th w={130}>Weight</Table.Th>
              {!isReadOnly && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((row, index) => {
              const at = (field: string) => errors[`assignments.${index}.${field}`];
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Select
                      aria-label={`Rep, row ${index + 1}`}
                      size="xs"
                      searchable
                      placeholder="Choose a rep"
                      data={reps}
                      value={row.repId}
                      onChange={(repId) => change(index, { repId })}
                      readOnly={isReadOnly}
                      error={at('repId')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Segment, row ${index + 1}`}
                      size="xs"
                      data={
                        // Keep a stored choice visible even when the model no longer offers it.
                        segmentOptions.some((o) => o.value === (row.segmentId ?? WHOLE_MIX))
                          ? segmentOptions
                          : [
                              ...segmentOptions,
                              {
                                value: row.segmentId ?? WHOLE_MIX,
                                label:
                                  row.segmentId === null
                                    ? 'Whole mix'
                                    : (segments.find((s) => s.id === row.segmentId)?.name ??
                                      'Segment not in the mix'),
                              },
                            ]
                      }
                      value={row.segmentId ?? WHOLE_MIX}
                      onChange={(value) =>
                        change(index, { segmentId: !value || value === WHOLE_MIX ? null : value })
                      }
                      allowDeselect={false}
                      readOnly={isReadOnly}
                      error={at('segmentId')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Weight, row ${index + 1}`}
                      size="xs"
                      min={0}
                      decimalScale={4}
                      value={row.weight}
                      onChange={(weight) => change(index, { weight })}
                      readOnly={isReadOnly}
                      error={at('weight')}
                    />
                  </Table.Td>
                  {!isReadOnly && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove row ${index + 1}`}
                        onClick={() => onChange(assignments.filter((_, i) => i !== index))}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {errors.assignments && (
        <Text size="sm" c="red" role="alert">
          {errors.assignments}
        </Text>
      )}
      {!isReadOnly && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() =>
              onChange([
                ...assignments,
                newAssignment(model === 'specialised' ? (segments[0]?.id ?? null) : null),
              ])
            }
          >
            Add assignment
          </Button>
        </Group>
      )}
    </>
  );
});
