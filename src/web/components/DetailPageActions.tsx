import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { DeleteButton } from './DeleteButton';

/** The record a detail page shows, as its actions need it. */
type DetailRecord = { id: string; name: string };

/**
 * A detail page's edit and delete buttons: Edit links to `editTo`; Delete asks first, then
 * deletes, says so, and leaves for the list (`afterDeleteTo`), replacing the gone page in history.
 * Page-specific actions go before them as children.
 */
export function DetailPageActions({
  record,
  noun,
  editTo,
  afterDeleteTo,
  deleteDescription,
  remove,
  children,
}: {
  record: DetailRecord;
  /** 'account', 'opportunity': used in "Delete account" and "Account deleted". */
  noun: string;
  editTo: string;
  afterDeleteTo: string;
  deleteDescription: React.ReactNode;
  remove: UseMutationResult<unknown, Error, string>;
  children?: React.ReactNode;
}) {
  const navigate = useNavigate();
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <Group gap="xs">
      {children}
      <Button component={Link} to={editTo} variant="default">
        Edit
      </Button>
      <DeleteButton
        label={`Delete ${noun}`}
        title={`Delete ${record.name}?`}
        description={deleteDescription}
        isPending={remove.isPending}
        error={remove.error}
        onOpen={() => remove.reset()}
        onConfirm={() =>
          remove.mutate(record.id, {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                title: `${title} deleted`,
                message: record.name,
              });
              void navigate(afterDeleteTo, { replace: true });
            },
          })
        }
      />
    </Group>
  );
}
