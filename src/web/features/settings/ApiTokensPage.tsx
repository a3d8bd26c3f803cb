import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ApiToken, ApiTokenInput, type CreatedApiToken } from '../../../schemas/session';
import { errorMessage } from '../../api/client';
import { formatInstant } from '../../components/dates';
import { PlusIcon } from '../../components/icons';
import { ListResults } from '../../components/ListResults';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './useApiTokens';

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedApiToken) => void;
  onCancel: () => void;
}) {
  const create = useCreateApiToken();
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: ApiTokenInput,
    initialValues: { name: '', expiry: '90' },
    toInput: (values) => ({
      name: values.name,
      expiresInDays: values.expiry === 'never' ? undefined : Number(values.expiry),
    }),
    renamed: { expiresInDays: 'expiry' },
  });

  function save(input: ApiTokenInput) {
    create.mutate(input, { onSuccess: onCreated, onError: showServerError });
  }

  return (
    <form onSubmit={onSubmit(save)} noValidate aria-label="New API token">
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="What uses it, e.g. “Nightly CRM sync”"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label="Expires after"
          data={EXPIRY_OPTIONS}
          {...form.getInputProps('expiry')}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title="Copy it now">
        This is the only time the token is shown. Store it in your password manager or secret store.
      </Alert>
      <Code block aria-label="API token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {token.token}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : 'blue'} variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

function RevokeButton({ token }: { token: ApiToken }) {
  const revoke = useRevokeApiToken();
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setIsConfirming(true)}>
        Revoke
      </Button>
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={`Revoke “${token.name}”?`}
        centered
      >
        <Stack gap="md">
          <Text>Anything still using this token stops working at once. This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    setIsConfirming(false);
                    notifications.show({
                      color: 'green',
                      title: 'Token revoked',
                      message: token.name,
                    });
                  },
                  onError: (error) =>
                    notifications.show({
                      color: 'red',
                      title: 'Not revoked',
                      message: errorMessage(error),
                    }),
                })
              }
            >
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ApiTokensPage() {
  const tokens = useApiTokens();
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const closeModal = () => {
    setIsCreating(false);
    setCreated(null);
  };

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed">
            Settings
          </Text>
          <Title order={1}>API tokens</Title>
          <Text c="dimmed">
            Personal tokens let scripts and integrations call the Salesplan API as you. Send one as{' '}
            <Code>Authorization: Bearer …</Code>.
          </Text>
        </div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setIsCreating(true)}>
          New token
        </Button>
      </Group>
      <Card withBorder radius="md" padding="md">
        <ListResults
          query={tokens}
          columns={5}
          rows={3}
          empty={{
            title: 'No API tokens',
            description:
              'Create one for each script or integration, so you can revoke them one at a time.',
            action: <Button onClick={() => setIsCreating(true)}>New token</Button>,
          }}
        >
          {(page) => (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" aria-label="API tokens">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Token</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={600}>{token.name}</Table.Td>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{formatInstant(token.createdAt)}</Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? formatInstant(token.lastUsedAt) : 'Never'}
                      </Table.Td>
                      <Table.Td>
                        {token.expiresAt ? formatInstant(token.expiresAt) : 'Never'}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        <RevokeButton token={token} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListResults>
      </Card>
      <Modal
        opened={isCreating}
        onClose={closeModal}
        title={created ? 'Your new API token' : 'New API token'}
        centered
        closeOnClickOutside={!created}
      >
        {created ? (
          <NewTokenSecret token={created} onDone={closeModal} />
        ) : (
          isCreating && <CreateTokenForm onCreated={setCreated} onCancel={closeModal} />
        )}
      </Modal>
    </Stack>
  );
}
