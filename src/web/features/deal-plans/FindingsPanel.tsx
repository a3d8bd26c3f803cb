import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DealPlanFinding, PlanHealth } from '../../../schemas/deal-plans';
import { anchorOf, SEVERITY_COLOURS } from './plan-labels';

// The plan's checks, grouped by family, each linking to the field to fix.

const CHECKS: { check: DealPlanFinding['check']; label: string; hint: string }[] = [
  {
    check: 'logical',
    label: 'Logical',
    hint: 'Steps come in an order that works: none is due before a step it waits for, or after the close.',
  },
  {
    check: 'significant',
    label: 'Significant',
    hint: 'Every open step moves an open objective and aims at a buying influence or the competition.',
  },
  {
    check: 'realistic',
    label: 'Realistic',
    hint: 'Nothing is overdue, and the owner has the time for the steps due each week.',
  },
  {
    check: 'valid',
    label: 'Valid',
    hint: 'Each open step says how confident you are it happens; 2 or less is flagged.',
  },
  {
    check: 'coverage',
    label: 'Coverage',
    hint: 'The economic buyer and a coach are named, the win-win and the competition written down.',
  },
];

/** Scrolls to the element showing `field` and puts focus there. */
export function jumpToField(field: string) {
  // A draft item has no element yet: fall back to its section, then to the top of the plan.
  const anchor = anchorOf(field);
  const element =
    document.getElementById(anchor) ??
    document.getElementById(anchor.replace(/-\d+$/, '')) ??
    document.getElementById('plan-top');
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element?.focus({ preventScroll: true });
}

/** A plan's finding counts in words, one badge per severity: "1 error", "3 warnings". */
export function HealthBadges({ health, size }: { health: PlanHealth; size?: 'sm' }) {
  if (health.total === 0)
    return (
      <Badge color="green" variant="light" size={size}>
        No findings
      </Badge>
    );
  return (
    <Group gap={6} wrap="nowrap">
      {(['error', 'warning', 'info'] as const).map((severity) =>
        health[severity] > 0 ? (
          <Badge
            key={severity}
            color={SEVERITY_COLOURS[severity]}
            variant="light"
            size={size}
            miw="max-content"
          >
            {health[severity]}{' '}
            {severity === 'info' ? 'info' : `${severity}${health[severity] > 1 ? 's' : ''}`}
          </Badge>
        ) : null,
      )}
    </Group>
  );
}

export function FindingsPanel({
  findings,
  health,
  isDraft,
  onJump = jumpToField,
  isBare = false,
}: {
  findings: readonly DealPlanFinding[];
  health: PlanHealth;
  isDraft: boolean;
  /** What a finding's link does (the drawer closes before it jumps). */
  onJump?: (field: string) => void;
  /** Without the card and its heading, inside a drawer that has its own. */
  isBare?: boolean;
}) {
  const checks = <FindingGroups findings={findings} isDraft={isDraft} onJump={onJump} />;
  if (isBare) return checks;
  return (
    <Card withBorder radius="md" padding="md" aria-label="Plan checks" component="section">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Checks
        </Title>
        <HealthBadges health={health} />
      </Group>
      {checks}
    </Card>
  );
}

function FindingGroups({
  findings,
  isDraft,
  onJump,
}: {
  findings: readonly DealPlanFinding[];
  isDraft: boolean;
  onJump: (field: string) => void;
}) {
  return (
    <>
      {isDraft && (
        <Text size="xs" c="dimmed" mb="xs">
          Including what you are typing (not saved yet).
        </Text>
      )}
      <Stack gap="sm">
        {CHECKS.map(({ check, label, hint }) => {
          const mine = findings.filter((f) => f.check === check);
          return (
            <div key={check} data-check={check}>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {label}
                </Text>
                {mine.length === 0 && (
                  <Text size="xs" c="dimmed">
                    ✓ nothing to fix
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
              <Stack gap={4} mt={4}>
                {mine.map((finding, index) => (
                  <Group
                    key={`${finding.code}-${finding.field}-${index}`}
                    gap={6}
                    wrap="nowrap"
                    align="flex-start"
                  >
                    <Badge
                      size="xs"
                      color={SEVERITY_COLOURS[finding.severity]}
                      mt={3}
                      style={{ flexShrink: 0 }}
                    >
                      {finding.severity}
                    </Badge>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      c="inherit"
                      onClick={() => onJump(finding.field)}
                      title="Go to the field to fix"
                    >
                      {finding.message}
                    </Anchor>
                  </Group>
                ))}
              </Stack>
            </div>
          );
        })}
      </Stack>
    </>
  );
}
