import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TeamDashboard } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { AlertIcon } from '../../components/icons';
import { formatRate, opportunitiesLink } from './dashboard-format';

type Outlier = TeamDashboard['outliers'][number];

/** "Dana Reyes wins 17.6% of MG Advanced deals, the rest 52.0% — 3 of 17 closed; z = −2.70". */
export function describeOutlier(outlier: Outlier): string {
  const z = outlier.z.toFixed(2).replace('-', '−');
  return (
    `${outlier.rep} wins ${formatRate(outlier.winRate)} of ${outlier.product} deals, ` +
    `the rest ${formatRate(outlier.restWinRate)} — ${outlier.won} of ${outlier.closed} closed; z = ${z}`
  );
}

/**
 * The reps whose win rate on a product stands out from the rest of the organisation (DOMAIN.md,
 * "Conversion outliers"), each opening the closed deals of that rep and product in the period.
 */
export function OutlierList({
  outliers,
  period,
}: {
  outliers: readonly Outlier[];
  period: { from: string; to: string };
}) {
  if (outliers.length === 0) {
    return <Text c="dimmed">No rep's win rate on a product stands out from the rest.</Text>;
  }
  return (
    <Alert
      color="red"
      variant="outline"
      // The label in dark red: Mantine's outline label colour is below AA on white.
      styles={{ label: { color: 'var(--mantine-color-red-9)' } }}
      icon={<AlertIcon />}
      title={`${outliers.length} conversion outlier${outliers.length === 1 ? '' : 's'}`}
    >
      <List spacing="xs" aria-label="Conversion outliers">
        {outliers.map((outlier) => (
          <List.Item key={`${outlier.repId}-${outlier.productId}`}>
            <Text span fw={700}>
              {outlier.direction === 'below' ? 'Below the rest: ' : 'Above the rest: '}
            </Text>
            <Anchor
              component={Link}
              to={opportunitiesLink({
                ownerId: outlier.repId,
                productId: outlier.productId,
                // The closed deals, won and lost: the Deals list opens on open ones otherwise.
                status: 'any',
                closedFrom: period.from,
                closedTo: period.to,
              })}
            >
              {describeOutlier(outlier)}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt="xs">
        Two-proportion z-test against the rest of the organisation on the same product, for reps
        with at least 10 closed deals of it; listed where |z| ≥ 1.96. Deals closed{' '}
        {formatDay(period.from)} – {formatDay(period.to)}.
      </Text>
    </Alert>
  );
}
