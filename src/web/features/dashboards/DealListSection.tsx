import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RepDashboard } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { formatMoney } from '../../components/money';
import { DashboardSection } from './DashboardSection';

type DealList = RepDashboard['stale'];
type StepList = RepDashboard['steps']['overdue'];

/** "Showing 10 of 14", with a link to all of them when the opportunity list can filter them. */
function ListTotal({
  total,
  shown,
  allLink,
  noun,
}: {
  total: number;
  shown: number;
  allLink?: string;
  noun: string;
}) {
  if (allLink) {
    return (
      <Anchor component={Link} to={allLink} size="sm" fw={600}>
        {total === shown
          ? `Open the ${total} ${noun} in the deal list`
          : `All ${total} ${noun} in the deal list`}
      </Anchor>
    );
  }
  return total > shown ? (
    <Text size="sm" c="dimmed">
      Showing {shown} of {total}
    </Text>
  ) : null;
}

/**
 * Deals that need attention, each with why it is listed; the name opens the deal (or its plan).
 */
export function DealListSection({
  title,
  description,
  list,
  currency,
  empty,
  dealLink,
  allLink,
}: {
  title: string;
  description: string;
  list: DealList;
  currency: string;
  empty: string;
  dealLink: (id: string) => string;
  allLink?: string;
}) {
  return (
    <DashboardSection
      order={3}
      title={`${title} (${list.total})`}
      description={description}
      action={
        list.total > 0 && (
          <ListTotal total={list.total} shown={list.items.length} allLink={allLink} noun="deals" />
        )
      }
    >
      {list.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label={title}>
          {list.items.map((deal) => (
            <List.Item key={deal.id}>
              <Stack gap={0}>
                <Anchor component={Link} to={dealLink(deal.id)} fw={600}>
                  {deal.name}
                </Anchor>
                <Text size="sm">{deal.reason}</Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {[
                      deal.accountName,
                      deal.amount === null ? null : formatMoney(deal.amount, currency),
                      deal.expectedCloseOn
                        ? `expected close ${formatDay(deal.expectedCloseOn)}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Group>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </DashboardSection>
  );
}

/** Action steps of the deal plans, each opening its deal plan. */
export function StepListSection({
  title,
  description,
  list,
  empty,
}: {
  title: string;
  description: string;
  list: StepList;
  empty: string;
}) {
  return (
    <DashboardSection
      order={3}
      title={`${title} (${list.total})`}
      description={description}
      action={<ListTotal total={list.total} shown={list.items.length} noun="steps" />}
    >
      {list.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label={title}>
          {list.items.map((step) => (
            <List.Item key={step.id}>
              <Stack gap={0}>
                <Anchor component={Link} to={`/opportunities/${step.opportunityId}/plan`} fw={600}>
                  {step.description}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {step.opportunityName} · due {formatDay(step.dueOn)}
                </Text>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </DashboardSection>
  );
}
