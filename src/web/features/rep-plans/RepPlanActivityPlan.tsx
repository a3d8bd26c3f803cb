import { Card, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';

/** Planned activities per year from the target accounts' norms, and the capacity findings. */
export function RepPlanActivityPlan({ activityPlan }: { activityPlan: RepPlan['activityPlan'] }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Activity plan
      </Title>
      <Text size="sm">
        {Object.entries(activityPlan.yearly)
          .map(([type, count]) => `${count} ${type.replace('_', ' ')}`)
          .join(' · ') || 'Pick target accounts to plan activities.'}
      </Text>
      {activityPlan.capacity.findings.map((finding) => (
        <Text key={finding.code} size="sm" c={finding.severity === 'error' ? 'red' : 'orange'}>
          {finding.message}
        </Text>
      ))}
    </Card>
  );
}
