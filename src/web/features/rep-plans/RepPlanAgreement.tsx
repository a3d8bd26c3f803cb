import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RepPlan } from '../../../schemas/rep-plans';
import { errorMessage } from '../../api/client';
import { formatDay } from '../../components/dates';
import { useRepPlanSignature, useRepPlanTransition } from './useRepPlans';

const STATE_COLOURS: Record<RepPlan['state'], string> = {
  draft: 'gray',
  proposed: 'blue',
  agreed: 'green',
  revised: 'teal',
};

const MOVE_LABELS: Record<RepPlan['state'], string> = {
  draft: 'Send back to draft',
  proposed: 'Propose to my manager',
  agreed: 'Mark as agreed',
  revised: 'Revise',
};

/** State, signatures and the moves the signed-in person may make (the server decides which). */
export function RepPlanAgreement({ plan, userId }: { plan: RepPlan; userId: string }) {
  const transition = useRepPlanTransition();
  const signature = useRepPlanSignature();
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: 'Not done', message: errorMessage(error) });
  const isRep = plan.rep.id === userId;
  const isManager = plan.manager?.id === userId;
  const canSign =
    plan.state === 'proposed' &&
    ((isRep && !plan.signatures.repSignedAt) || (isManager && !plan.signatures.managerSignedAt));
  const signed = (at: string | null) =>
    at ? `signed ${formatDay(at.slice(0, 10))}` : 'not signed';
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Agreement
        </Title>
        <Badge color={STATE_COLOURS[plan.state]}>{plan.state}</Badge>
      </Group>
      <Text size="sm" mt="xs">
        Rep {plan.rep.name}: {signed(plan.signatures.repSignedAt)}
      </Text>
      <Text size="sm">
        Manager {plan.manager?.name ?? '—'}: {signed(plan.signatures.managerSignedAt)}
      </Text>
      <Group mt="md">
        {canSign && (
          <Button
            loading={signature.isPending}
            onClick={() =>
              signature.mutate(
                { id: plan.id, input: { as: isRep ? 'rep' : 'manager' } },
                { onError },
              )
            }
          >
            {isRep ? 'Sign' : 'Countersign'}
          </Button>
        )}
        {plan.allowedTransitions.map((to) => (
          <Button
            key={to}
            variant={to === 'draft' ? 'default' : 'filled'}
            loading={transition.isPending}
            onClick={() => transition.mutate({ id: plan.id, input: { to } }, { onError })}
          >
            {MOVE_LABELS[to]}
          </Button>
        ))}
      </Group>
    </Card>
  );
}
