import { Alert, Button, Group, Stack } from '@mantine/core';

/** Every admin form's frame: the message no field shows, the fields, Cancel and Save. */
export function AdminFormFrame({
  label,
  formError,
  onSubmit,
  onCancel,
  isSaving,
  saveLabel = 'Save',
  children,
}: {
  label: string;
  formError: string | undefined;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  isSaving: boolean;
  saveLabel?: string;
  children: React.ReactNode;
}) {
  return (
    <form noValidate aria-label={label} onSubmit={onSubmit}>
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSaving}>
            Cancel
          </Button>
          <Button type="submit" loading={isSaving}>
            {saveLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
