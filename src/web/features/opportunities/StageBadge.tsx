import { Badge } from '@mantine/core';
import type { StageKind } from '../../../schemas/reference';

const KIND_COLORS: Record<StageKind, string> = { open: 'blue', won: 'green', lost: 'red' };

/** A stage name coloured by its kind: open blue, won green, lost red. */
export function StageBadge({
  name,
  kind,
  probabilityPercent,
}: {
  name: string;
  kind: StageKind;
  probabilityPercent?: number;
}) {
  return (
    // The whole name, never cut to "Prospecti…": the badge keeps its width in a narrow column.
    <Badge variant="light" color={KIND_COLORS[kind]} tt="none" radius="sm" miw="max-content">
      {name}
      {kind === 'open' && probabilityPercent !== undefined ? ` · ${probabilityPercent}%` : ''}
    </Badge>
  );
}
