import { useState } from 'react';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { errorMessage } from '../../api/client';
import type { PasswordLinkUrl } from '../../../schemas/password-links';
import type { User } from '../../../schemas/users';
import { ListResults } from '../../components/ListResults';
import { generatePassword } from './generated-password';
import { useCreatePasswordLink } from '../password-links/usePasswordLinks';
import { formatInstant } from '../../components/dates';
import { useRevokeUserToken, useUpdateUser, useUserTokens } from './useAdmin';

/** A password shown once: the admin copies it and hands it over; the server keeps only its hash. */
export function OneTimePassword({ user, password }: { user: User; password: string }) {
  return (
    <Stack gap="sm">
      <Text>
        Give {user.name} this password; they sign in with {user.email} and it is not shown again.
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Code fz="md" style={{ userSelect: 'all' }} aria-label="One-time password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** A set-password link shown once: the admin sends it; the user chooses their own password. */
export function OneTimeLink({ user, link }: { user: User; link: PasswordLinkUrl }) {
  return (
    <Stack gap="sm">
      <Text>
        Send {user.name} this link. It works once, until {formatInstant(link.expiresAt)}, and is not
        shown again.
      </Text>
      <Stack gap="xs" align="flex-start">
        <Code
          block
          style={{ userSelect: 'all', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          aria-label="Set-password link"
        >
          {link.url}
        </Code>
        <CopyButton value={link.url}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Stack>
  );
}

type Dialog = 'reset' | 'link' | 'deactivate' | 'tokens' | null;

/** A user row's actions: reset the password, see and revoke their API tokens, (de)activate. */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const update = useUpdateUser();
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const link = useCreatePasswordLink();
  const close = () => {
    setDialog(null);
    setNewPassword(null);
    update.reset();
    link.reset();
  };
  function resetPassword() {
    const password = generatePassword();
    update.mutate({ user, patch: { password } }, { onSuccess: () => setNewPassword(password) });
  }
  return (
    <>
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={onEdit}
          aria-label={`Edit ${user.name}`}
        >
          Edit
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="subtle" aria-label={`More for ${user.name}`}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog('link')}>Set-password link</Menu.Item>
            <Menu.Item onClick={() => setDialog('reset')}>Reset password</Menu.Item>
            <Menu.Item onClick={() => setDialog('tokens')}>API tokens</Menu.Item>
            {user.isActive ? (
              <Menu.Item color="red" onClick={() => setDialog('deactivate')}>
                Deactivate
              </Menu.Item>
            ) : (
              <Menu.Item onClick={() => update.mutate({ user, patch: { isActive: true } })}>
                Reactivate
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {update.isError && dialog === null && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(update.error)}
        </Text>
      )}
      <Modal
        opened={dialog === 'reset'}
        onClose={close}
        title={`Reset ${user.name}'s password`}
        centered
      >
        {newPassword ? (
          <Stack gap="md">
            <OneTimePassword user={user} password={newPassword} />
            <Group justify="flex-end">
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <ConfirmBody
            text="They are signed out everywhere and their API tokens are revoked. You get a new password to hand over."
            confirmLabel="Reset password"
            onConfirm={resetPassword}
            onCancel={close}
            isPending={update.isPending}
            error={update.error}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'link'}
        onClose={close}
        title={`A set-password link for ${user.name}`}
        centered
      >
        {link.data ? (
          <Stack gap="md">
            <OneTimeLink user={user} link={link.data} />
            <Group justify="flex-end">
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <ConfirmBody
            text="They open the link and choose their own password: you never see it. When they set it, they are signed out everywhere and their API tokens are revoked. A link made before stops working."
            confirmLabel="Make link"
            onConfirm={() => link.mutate(user.id)}
            onCancel={close}
            isPending={link.isPending}
            error={link.error}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'deactivate'}
        onClose={close}
        title={`Deactivate ${user.name}?`}
        centered
      >
        <ConfirmBody
          text="They can no longer sign in, their sessions end and their API tokens are revoked. Their records stay. You can reactivate them later."
          confirmLabel="Deactivate"
          isDanger
          onConfirm={() =>
            update.mutate({ user, patch: { isActive: false } }, { onSuccess: close })
          }
          onCancel={close}
          isPending={update.isPending}
          error={update.error}
        />
      </Modal>
      <Modal
        opened={dialog === 'tokens'}
        onClose={close}
        title={`${user.name}'s API tokens`}
        centered
        size="lg"
      >
        {dialog === 'tokens' && <UserTokens user={user} />}
      </Modal>
    </>
  );
}

function ConfirmBody({
  text,
  confirmLabel,
  isDanger = false,
  onConfirm,
  onCancel,
  isPending,
  error,
}: {
  text: string;
  confirmLabel: string;
  isDanger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  isPending: boolean;
  error: unknown;
}) {
  return (
    <Stack gap="md">
      <Text>{text}</Text>
      {Boolean(error) && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
        <Button color={isDanger ? 'red' : undefined} onClick={onConfirm} loading={isPending}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

function UserTokens({ user }: { user: User }) {
  const tokens = useUserTokens(user.id);
  const revoke = useRevokeUserToken();
  const dateOf = (instant: string | null) => (instant ? instant.slice(0, 10) : 'never');
  return (
    <Stack gap="sm">
      {revoke.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      <ListResults
        query={tokens}
        columns={4}
        rows={2}
        empty={{ title: 'No live tokens', description: `${user.name} has no API token in use.` }}
      >
        {(page) => (
          <Table aria-label="API tokens" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}</Code>
                  </Table.Td>
                  <Table.Td>{dateOf(token.lastUsedAt)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables.tokenId === token.id}
                      onClick={() => revoke.mutate({ userId: user.id, tokenId: token.id })}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListResults>
    </Stack>
  );
}
