import { Card, Text, Timeline, Title } from '@mantine/core';
import type { PlanTimelineEntry } from '../../../schemas/deal-plans';
import { formatInstant } from '../../components/dates';

// How the plan evolved: one sentence per change, newest first, with who and when. The server
// writes the sentences from the domain's words (services/deal-plan-history.ts).

export function PlanTimeline({ history }: { history: readonly PlanTimelineEntry[] }) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-label="Plan history"
      className="deal-plan-history"
    >
      <Title order={2} size="h4" mb="sm">
        History
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every change to the plan will be listed here, with who made it and when.
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.map((entry) => (
            <Timeline.Item key={entry.id} title={<Text size="sm">{entry.summary}</Text>}>
              <Text size="xs" c="dimmed">
                {formatInstant(entry.at)}
                {entry.userName ? ` · ${entry.userName}` : ''}
              </Text>
              {entry.details.map((line) => (
                <Text key={line} size="xs" c="dimmed">
                  {line}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
