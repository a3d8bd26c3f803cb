import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { errorMessage } from '../api/client';

/**
 * A delete that asks first. The modal stays open on failure and shows the server's reason
 * (e.g. 409: "the account still has opportunities").
 */
export function DeleteButton({
  label,
  title,
  description,
  onConfirm,
  isPending,
  error,
  onOpen,
}: {
  label: string;
  title: string;
  description: React.ReactNode;
  onConfirm: () => void;
  isPending: boolean;
  error: unknown;
  onOpen?: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        onClick={() => {
          onOpen?.();
          open();
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          <Text>{description}</Text>
          {Boolean(error) && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={onConfirm} loading={isPending}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
