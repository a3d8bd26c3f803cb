import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { KeyAccountList } from '../../../schemas/key-accounts-plans';
import { formatDay } from '../../components/dates';
import { useKeyAccountList } from './useKeyAccounts';

// The key-account plans that want something, for the rep's and the manager's pages and
// dashboards: a review due, a plan not written, not signed or not acknowledged. Loads on its
// own; shows nothing while loading, on an error or where the viewer has no key account.

type Item = KeyAccountList['items'][number];

/** What the plan waits for, most pressing first; null when nothing is due. */
export function keyAccountDue(item: Item): { order: number; label: string } | null {
  if (item.planVersion === 0) return { order: 1, label: 'Plan not written' };
  if (item.isReviewDue && item.nextReviewDue)
    return { order: 0, label: `Review due since ${formatDay(item.nextReviewDue)}` };
  if (item.repSignedAt === null) return { order: 2, label: 'Not signed by the rep' };
  if (item.managerAcknowledgedAt === null)
    return { order: 3, label: 'Waiting for the manager’s acknowledgement' };
  return null;
}

export function KeyAccountReviewsDue({
  ownerIds,
  showOwner = true,
  limit = 8,
  frame = (content) => content,
}: {
  /** Only these owners' key accounts (a rep's dashboard, a team); every readable one otherwise. */
  ownerIds?: readonly string[];
  showOwner?: boolean;
  limit?: number;
  /** The card or section around it, drawn only when there is something to show. */
  frame?: (content: ReactNode) => ReactNode;
}) {
  const list = useKeyAccountList();
  if (!list.data) return null;
  const mine = list.data.items.filter(
    (item) => ownerIds === undefined || (item.ownerId !== null && ownerIds.includes(item.ownerId)),
  );
  if (mine.length === 0) return null;
  const due = mine
    .flatMap((item) => {
      const what = keyAccountDue(item);
      return what ? [{ item, ...what }] : [];
    })
    .sort((a, b) => a.order - b.order || b.item.score - a.item.score);
  return frame(
    <section aria-label="Key-account reviews due">
      <Text size="sm" mb={4}>
        {mine.length} key account{mine.length === 1 ? '' : 's'} in {list.data.fiscalYear}
        {due.length === 0
          ? ': every plan is signed, acknowledged and reviewed on time.'
          : `, ${due.length} waiting for something:`}
      </Text>
      {due.length > 0 && (
        <List listStyleType="none" spacing="sm">
          {due.slice(0, limit).map(({ item, label, order }) => (
            <List.Item key={item.accountId}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/key-accounts/${item.accountId}`} fw={600}>
                  {item.accountName}
                </Anchor>
                {showOwner && item.ownerName && (
                  <Text span size="sm" c="gray.7">
                    {item.ownerName}
                  </Text>
                )}
                <Badge variant="light" color={order === 0 ? 'red' : 'gray'}>
                  {label}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {due.length > limit && (
        <Anchor component={Link} to="/key-accounts" size="sm">
          {due.length - limit} more on the Key accounts page
        </Anchor>
      )}
    </section>,
  );
}
