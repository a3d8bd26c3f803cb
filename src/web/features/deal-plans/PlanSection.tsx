import type { ReactNode } from 'react';
import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import type { DealPlanDraft } from '../../../schemas/deal-plans';
import { PlusIcon } from '../../components/icons';

// The pieces every section of the deal plan repeats: the card with its title and add button,
// an item's card, an item's edit/remove buttons and a form's cancel/save row. Ids follow a
// finding's field (`competition[0]` → `plan-competition-0`) so a finding jumps to its card.

type Part = keyof DealPlanDraft;

export function PlanSection({
  part,
  title,
  hint,
  addLabel,
  onAdd,
  children,
}: {
  part: Part;
  title: string;
  hint?: string;
  /** The add button's label; shown only with `onAdd`. */
  addLabel?: string;
  onAdd?: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      id={`plan-${part}`}
      tabIndex={-1}
      aria-label={title}
    >
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {onAdd && addLabel && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={onAdd}
            className="no-print"
          >
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** One item of a section, focusable so a finding about it can jump there. */
export function PlanItemCard({
  part,
  index,
  children,
}: {
  part: Part;
  /** The item's position in the plan's array; a new item has none. */
  index?: number;
  children: ReactNode;
}) {
  return (
    <Card
      id={index === undefined ? undefined : `plan-${part}-${index}`}
      tabIndex={index === undefined ? undefined : -1}
      withBorder
      padding="sm"
      radius="md"
    >
      {children}
    </Card>
  );
}

export function ItemActions({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => void }) {
  return (
    <Group gap={4} className="no-print" wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={onEdit}>
        Edit
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
        Remove
      </Button>
    </Group>
  );
}

/** A plan form's message that fits no field, and its cancel and submit buttons. */
export function PlanFormActions({
  saveLabel,
  isSaving,
  formError,
  onCancel,
}: {
  saveLabel: string;
  isSaving: boolean;
  formError: string | undefined;
  onCancel: () => void;
}) {
  return (
    <>
      {formError && (
        <Alert color="red" variant="light" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="xs" type="submit" loading={isSaving}>
          {saveLabel}
        </Button>
      </Group>
    </>
  );
}
