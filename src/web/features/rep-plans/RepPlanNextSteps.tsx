import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { RepPlan } from '../../../schemas/rep-plans';
import { useToday } from '../session/useSession';
import { checkInToHold, managerActions, repToDos } from './rep-plan-next-steps';
import { useSignRepPlan } from './RepPlanAgreement';

/**
 * The rep's to-dos on this plan and, for the plan's manager, what they can do now: countersign,
 * hold the check-in that is due, comment. The rep sees their own to-dos only.
 */
export function RepPlanNextSteps({ plan, userId }: { plan: RepPlan; userId: string }) {
  const today = useToday();
  const [, setSearchParams] = useSearchParams();
  const sign = useSignRepPlan(plan);
  const isManager = plan.manager?.id === userId;
  const isRep = plan.rep.id === userId;
  const toDos = repToDos(plan, today);
  const actions = isManager ? managerActions(plan, today) : [];
  const checkIn = checkInToHold(plan, today);
  if (!isRep && !isManager && toDos.length === 0) return null;
  const openCheckIn = () =>
    setSearchParams((params) => {
      if (checkIn) params.set('checkIn', checkIn.id);
      return params;
    });
  return (
    <Card withBorder padding="lg" component="section" aria-label="Next steps">
      <Title order={2} size="h4" mb="xs">
        {isRep ? 'Your to-dos' : `${plan.rep.name}’s to-dos`}
      </Title>
      {toDos.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to do on this plan right now.
        </Text>
      ) : (
        <Stack gap={4}>
          {toDos.map((step) => (
            <Group key={step.key} gap="xs">
              {step.isOverdue && (
                <Badge variant="light" color="red">
                  Overdue
                </Badge>
              )}
              <Text size="sm">{step.text}</Text>
            </Group>
          ))}
        </Stack>
      )}
      {isManager && (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            What you can do now
          </Title>
          <Stack gap="xs">
            {actions.map((step) => (
              <Group key={step.key} gap="xs" justify="space-between">
                <Text size="sm">{step.text}</Text>
                {step.key === 'countersign' && (
                  <Button size="xs" loading={sign.isPending} onClick={() => sign.run('manager')}>
                    Countersign
                  </Button>
                )}
                {step.key === 'check-in' && (
                  <Button size="xs" variant="light" onClick={openCheckIn}>
                    Hold the check-in
                  </Button>
                )}
                {step.key === 'comment' && (
                  <Button size="xs" variant="default" component="a" href="#comments">
                    Comment
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}
