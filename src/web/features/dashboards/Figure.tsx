import type { ReactNode } from 'react';
import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { StandingBand } from '../../../domain/standing';
import { STANDING_COLOURS } from './standing-tone';

/**
 * One labelled figure: what it is, the value, and where a figure could be misread a line saying
 * how it is made. With `to`, the value opens the rows behind it.
 */
export function Figure({
  label,
  value,
  description,
  to,
  tone,
}: {
  label: string;
  value: string;
  description?: ReactNode;
  to?: string;
  /** A figure's verdict (standing.ts) in words, not colour alone. */
  tone?: { text: string; standing: StandingBand };
}) {
  return (
    <Paper withBorder radius="sm" p="sm" className="dashboard-figure">
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz="xl" fw={700} aria-label={`${label}: ${value}`}>
          {value}
        </Anchor>
      ) : (
        <Text fz="xl" fw={700}>
          {value}
        </Text>
      )}
      {/* The words carry the meaning; the colour (AA on white) only repeats them. */}
      {tone && (
        <Text size="sm" fw={700} c={STANDING_COLOURS[tone.standing]}>
          {tone.text}
        </Text>
      )}
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Paper>
  );
}

/** Figures side by side on a wide screen, one a row on a phone (a full amount needs the width). */
export function FigureGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
      {children}
    </SimpleGrid>
  );
}
