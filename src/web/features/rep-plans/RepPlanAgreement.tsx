import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SigningParty } from '../../../domain/rep-plan-states';
import type { RepPlan } from '../../../schemas/rep-plans';
import { errorMessage } from '../../api/client';
import { formatDay } from '../../components/dates';
import { STATE_WORDS } from './plan-words';
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

const onError = (error: unknown) =>
  notifications.show({ color: 'red', title: 'Not done', message: errorMessage(error) });

/** What happened and what comes next, once the server has answered with the plan. */
export function confirmationOf(plan: RepPlan): { title: string; message: string } {
  const manager = plan.manager?.name ?? 'the manager';
  if (plan.state === 'draft')
    return { title: 'Back to draft', message: 'Edit the plan, then propose it again.' };
  if (plan.state === 'agreed' || plan.state === 'revised') {
    const next = plan.checkIns.find((c) => c.status === 'due');
    return {
      title: 'Plan agreed',
      message: `Both have signed; the agreed version is kept.${next ? ` The next check-in is due ${formatDay(next.dueOn)}.` : ''}`,
    };
  }
  if (!plan.signatures.repSignedAt)
    return {
      title: 'Proposed',
      message: `Next: sign it; then ${manager} countersigns, which agrees it.`,
    };
  return {
    title: 'Signed',
    message: `Next: ${manager} countersigns, which agrees the plan.`,
  };
}

/** Signing as the rep or the manager, with its confirmation. */
export function useSignRepPlan(plan: RepPlan) {
  const signature = useRepPlanSignature();
  return {
    isPending: signature.isPending,
    run: (as: SigningParty) =>
      signature.mutate(
        { id: plan.id, input: { as } },
        {
          onError,
          onSuccess: (after) => notifications.show({ color: 'teal', ...confirmationOf(after) }),
        },
      ),
  };
}

/** State, signatures and the moves the signed-in person may make (the server decides which). */
export function RepPlanAgreement({ plan, userId }: { plan: RepPlan; userId: string }) {
  const transition = useRepPlanTransition();
  const sign = useSignRepPlan(plan);
  const isRep = plan.rep.id === userId;
  const isManager = plan.manager?.id === userId;
  const canSign =
    plan.state === 'proposed' &&
    ((isRep && !plan.signatures.repSignedAt) || (isManager && !plan.signatures.managerSignedAt));
  const signed = (at: string | null) =>
    at ? `signed ${formatDay(at.slice(0, 10))}` : 'not signed';
  // The second signature agrees the plan: say so on the button.
  const isSecondSignature = isRep
    ? plan.signatures.managerSignedAt !== null
    : plan.signatures.repSignedAt !== null;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Agreement
        </Title>
        <Badge variant="light" color={STATE_COLOURS[plan.state]}>
          {STATE_WORDS[plan.state]}
        </Badge>
      </Group>
      <Text size="sm" mt="xs">
        Rep {plan.rep.name}: {signed(plan.signatures.repSignedAt)}
      </Text>
      <Text size="sm">
        Manager {plan.manager?.name ?? '—'}: {signed(plan.signatures.managerSignedAt)}
      </Text>
      <Group mt="md">
        {canSign && (
          <Button loading={sign.isPending} onClick={() => sign.run(isRep ? 'rep' : 'manager')}>
            {isRep ? 'Sign' : 'Countersign'}
            {isSecondSignature ? ' and agree' : ''}
          </Button>
        )}
        {plan.allowedTransitions.map((to) => (
          <Button
            key={to}
            variant={to === 'draft' ? 'default' : 'filled'}
            loading={transition.isPending}
            onClick={() =>
              transition.mutate(
                { id: plan.id, input: { to } },
                {
                  onError,
                  onSuccess: (after) =>
                    notifications.show({ color: 'teal', ...confirmationOf(after) }),
                },
              )
            }
          >
            {MOVE_LABELS[to]}
          </Button>
        ))}
      </Group>
    </Card>
  );
}
