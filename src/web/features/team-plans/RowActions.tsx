import { ActionIcon, Group } from '@mantine/core';
import { ChevronIcon } from '../../components/icons';

/** Move a row up or down among its siblings, or remove it. `label` names the row for readers. */
export function RowActions({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        aria-label={`Move ${label} up`}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        <ChevronIcon direction="up" />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={`Move ${label} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        <ChevronIcon direction="down" />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={onRemove}>
        ×
      </ActionIcon>
    </Group>
  );
}
