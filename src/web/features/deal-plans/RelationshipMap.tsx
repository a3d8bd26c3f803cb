import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { BUYING_INFLUENCE_ROLES } from '../../../domain/deal-plan';
import type { BuyingInfluence } from '../../../schemas/deal-plans';
import { formatDay } from '../../components/dates';
import { InfluenceFormModal } from './InfluenceFormModal';
import { INFLUENCE_LABELS, MODE_COLOURS, MODE_LABELS, ROLE_LABELS } from './plan-labels';
import { PlanSection } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

// The buying influences as a map: a column per role, a card per person, coloured by response mode.

function InfluenceCard({
  influence,
  index,
  canEdit,
  onEdit,
  onRemove,
}: {
  influence: BuyingInfluence;
  index: number;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const colour = influence.responseMode ? MODE_COLOURS[influence.responseMode] : 'gray';
  return (
    <Card
      id={`plan-influences-${index}`}
      tabIndex={-1}
      withBorder
      padding="sm"
      radius="md"
      data-response-mode={influence.responseMode ?? 'unknown'}
      style={{ borderLeft: `6px solid var(--mantine-color-${colour}-6)` }}
      aria-label={`${influence.contactName}, ${ROLE_LABELS[influence.role]}`}
    >
      {/* The name has the card's whole width (the actions sit at the foot): one line, also in edit mode. */}
      <Text fw={600} size="sm" truncate="end" title={influence.contactName}>
        {influence.contactName}
      </Text>
      {influence.contactTitle && (
        <Text size="xs" c="dimmed" truncate="end" title={influence.contactTitle}>
          {influence.contactTitle}
        </Text>
      )}
      <Group gap={4} mt={6}>
        <Badge size="sm" color={colour} variant={influence.responseMode ? 'filled' : 'outline'}>
          {influence.responseMode ? MODE_LABELS[influence.responseMode] : 'Mode unknown'}
        </Badge>
        <Badge size="sm" variant="light" color="gray">
          {INFLUENCE_LABELS[influence.influence]}
        </Badge>
      </Group>
      {influence.modeHistory.length > 1 && (
        <Text size="xs" c="dimmed" mt={4}>
          {influence.modeHistory
            .map((m) => `${MODE_LABELS[m.mode]} (${formatDay(m.recordedOn)})`)
            .join(' → ')}
        </Text>
      )}
      {influence.modeHistory.length === 1 && (
        <Text size="xs" c="dimmed" mt={4}>
          Since {formatDay(influence.modeHistory[0]?.recordedOn)}
        </Text>
      )}
      {influence.notes && (
        <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {influence.notes}
        </Text>
      )}
      {canEdit && (
        <Group gap={2} mt={6} justify="flex-end" className="no-print" wrap="nowrap">
          <Button size="compact-xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            aria-label={`Remove ${influence.contactName}`}
            onClick={onRemove}
          >
            ×
          </ActionIcon>
        </Group>
      )}
    </Card>
  );
}

export function RelationshipMap({
  opportunityId,
  accountId,
  influences,
  canEdit,
}: {
  opportunityId: string;
  accountId: string | null;
  influences: readonly BuyingInfluence[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<{
    influence?: BuyingInfluence;
    role?: BuyingInfluence['role'];
  } | null>(null);
  const remove = usePlanWrite(opportunityId);
  return (
    <PlanSection
      part="influences"
      title="Buying influences"
      hint="Who decides, who uses, who screens, and who guides us. Colour shows their response mode."
      addLabel="Add buying influence"
      onAdd={canEdit ? () => setEditing({}) : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" className="relationship-map">
        {BUYING_INFLUENCE_ROLES.map((role) => {
          const people = influences
            .map((influence, index) => ({ influence, index }))
            .filter((p) => p.influence.role === role);
          return (
            <Stack key={role} gap="xs" data-role={role}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {ROLE_LABELS[role]}
              </Text>
              {people.map(({ influence, index }) => (
                <InfluenceCard
                  key={influence.id}
                  influence={influence}
                  index={index}
                  canEdit={canEdit}
                  onEdit={() => setEditing({ influence })}
                  onRemove={() =>
                    remove.mutate({ method: 'DELETE', path: `/influences/${influence.id}` })
                  }
                />
              ))}
              {people.length === 0 && (
                <Card withBorder padding="sm" radius="md" style={{ borderStyle: 'dashed' }}>
                  <Text size="xs" c="dimmed">
                    No {ROLE_LABELS[role].toLowerCase()} named.
                  </Text>
                  {canEdit && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      mt={4}
                      onClick={() => setEditing({ role })}
                      className="no-print"
                    >
                      Name one
                    </Button>
                  )}
                </Card>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      {editing && (
        <InfluenceFormModal
          opened
          opportunityId={opportunityId}
          accountId={accountId}
          influence={editing.influence}
          defaultRole={editing.role}
          takenContactIds={influences.map((i) => i.contactId)}
          onClose={() => setEditing(null)}
        />
      )}
    </PlanSection>
  );
}
