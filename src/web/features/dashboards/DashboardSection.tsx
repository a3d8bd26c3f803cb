import { type ReactNode, useId } from 'react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';

/** One panel of a dashboard: a titled card, its heading one level under the page's. */
export function DashboardSection({
  title,
  description,
  action,
  order = 2,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  order?: 2 | 3;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Card
      component="section"
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
      className="dashboard-section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={order} size="h3" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** "Left out: 4 deals in CHF have no rate", under the sums those deals are missing from. */
export function UnconvertedNote({
  unconverted,
  prefix = 'Left out',
}: {
  unconverted: readonly { currency: string; count: number }[];
  prefix?: string;
}) {
  return describeUnconverted(unconverted).map((line) => (
    // Bold, not orange: Mantine's orange is below AA contrast on white.
    <Text key={line} size="sm" fw={600}>
      {prefix}: {line}
    </Text>
  ));
}
