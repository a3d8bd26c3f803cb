import { Badge, CloseButton, Group, Text } from '@mantine/core';
import { formatDay } from '../../components/dates';
import { useReference, useUsers } from '../reference/useReference';

// The filters a dashboard's drill-down puts on the opportunity and activity lists that the lists
// have no field for. Each shows as a removable badge with a human label, so a reader sees why
// the list is narrowed.

export const DRILL_DOWN_KEYS = [
  'managerId',
  'segmentId',
  'territoryId',
  'closedFrom',
  'closedTo',
  'createdFrom',
  'createdTo',
] as const;
export type DrillDownKey = (typeof DRILL_DOWN_KEYS)[number];

/** "Closed Jan 1, 2026 – Nov 30, 2026", "Created from Jan 1, 2026", "Closed until …". */
function rangeLabel(what: string, from: string, to: string): string {
  if (from && to) return `${what} ${formatDay(from)} – ${formatDay(to)}`;
  return from ? `${what} from ${formatDay(from)}` : `${what} until ${formatDay(to)}`;
}

type Chip = { label: string; keys: DrillDownKey[] };

function useChips(values: Partial<Record<DrillDownKey, string>>): Chip[] {
  const reference = useReference();
  const users = useUsers();
  const nameOf = (items: readonly { id: string; name: string }[] | undefined, id: string) =>
    items?.find((item) => item.id === id)?.name ?? 'loading…';
  const chips: Chip[] = [];
  if (values.managerId) {
    chips.push({
      label: `Team: ${nameOf(users.data?.items, values.managerId)}`,
      keys: ['managerId'],
    });
  }
  if (values.segmentId) {
    chips.push({
      label: `Segment: ${nameOf(reference.data?.segments, values.segmentId)}`,
      keys: ['segmentId'],
    });
  }
  if (values.territoryId) {
    chips.push({
      label: `Territory: ${nameOf(reference.data?.territories, values.territoryId)}`,
      keys: ['territoryId'],
    });
  }
  if (values.closedFrom || values.closedTo) {
    chips.push({
      label: rangeLabel('Closed', values.closedFrom ?? '', values.closedTo ?? ''),
      keys: ['closedFrom', 'closedTo'],
    });
  }
  if (values.createdFrom || values.createdTo) {
    chips.push({
      label: rangeLabel('Created', values.createdFrom ?? '', values.createdTo ?? ''),
      keys: ['createdFrom', 'createdTo'],
    });
  }
  return chips;
}

/** The active drill-down filters as badges; removing one clears its keys from the URL. */
export function DrillDownFilters({
  values,
  onRemove,
}: {
  values: Partial<Record<DrillDownKey, string>>;
  onRemove: (changes: Partial<Record<DrillDownKey, null>>) => void;
}) {
  const chips = useChips(values);
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" w="100%" aria-label="Narrowed by" role="group">
      <Text size="sm" fw={600}>
        Narrowed to:
      </Text>
      {chips.map((chip) => (
        <Badge
          key={chip.label}
          variant="outline"
          size="lg"
          tt="none"
          fw={600}
          rightSection={
            <CloseButton
              size="xs"
              aria-label={`Remove filter: ${chip.label}`}
              onClick={() => onRemove(Object.fromEntries(chip.keys.map((key) => [key, null])))}
            />
          }
        >
          {chip.label}
        </Badge>
      ))}
    </Group>
  );
}
