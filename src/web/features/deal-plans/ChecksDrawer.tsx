import { useState } from 'react';
import { Affix, Button, Drawer, Group, Text } from '@mantine/core';
import type { DealPlanFinding, PlanHealth } from '../../../schemas/deal-plans';
import { useIsBelow } from '../../components/useIsPhone';
import { FindingsPanel, HealthBadges, jumpToField } from './FindingsPanel';

/**
 * Where the plan's columns stack (phones, tablets) the checks sit below every section, far from
 * the field being edited: a button kept at the screen's foot opens them in a drawer, and a
 * finding's link closes it and goes to the field to fix.
 */
export function ChecksDrawer({
  findings,
  health,
  isDraft,
}: {
  findings: readonly DealPlanFinding[];
  health: PlanHealth;
  isDraft: boolean;
}) {
  const isStacked = useIsBelow('lg');
  const [isOpen, setOpen] = useState(false);
  // The field to go to once the drawer has closed (focus would otherwise return to the button).
  const [pendingField, setPendingField] = useState<string | null>(null);
  if (!isStacked) return null;
  return (
    <>
      <Affix position={{ bottom: 16, right: 16 }} className="no-print">
        <Button
          onClick={() => setOpen(true)}
          aria-haspopup="dialog"
          style={{ boxShadow: 'var(--mantine-shadow-md)' }}
        >
          Checks ({health.total})
        </Button>
      </Affix>
      <Drawer
        opened={isOpen}
        onClose={() => setOpen(false)}
        position="bottom"
        size="75%"
        returnFocus={pendingField === null}
        onExitTransitionEnd={() => {
          if (pendingField !== null) jumpToField(pendingField);
          setPendingField(null);
        }}
        title={
          <Group gap="sm">
            <Text fw={700}>Checks</Text>
            <HealthBadges health={health} size="sm" />
          </Group>
        }
      >
        <FindingsPanel
          findings={findings}
          health={health}
          isDraft={isDraft}
          isBare
          onJump={(field) => {
            setPendingField(field);
            setOpen(false);
          }}
        />
      </Drawer>
    </>
  );
}
