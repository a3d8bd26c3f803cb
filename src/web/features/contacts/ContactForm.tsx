import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Contact, ContactInput } from '../../../schemas/contacts';
import { blankToNull } from '../../components/form-errors';
import { useSchemaForm } from '../../components/useSchemaForm';
import { contactName, useCreateContact, useUpdateContact } from './useContacts';

/** Adds a contact to an account, or edits one when `contact` is given. */
export function ContactForm({
  accountId,
  contact,
  onSaved,
  onCancel,
}: {
  accountId: string;
  contact?: Contact;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
}) {
  const create = useCreateContact();
  const update = useUpdateContact();
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: ContactInput,
    initialValues: {
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      title: contact?.title ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      externalId: contact?.externalId ?? '',
    },
    toInput: (values) => ({
      accountId,
      firstName: values.firstName,
      lastName: values.lastName,
      title: blankToNull(values.title),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      externalId: blankToNull(values.externalId),
    }),
  });
  const isSaving = create.isPending || update.isPending;

  function save(input: ContactInput) {
    const callbacks = {
      onSuccess: (saved: Contact) => {
        notifications.show({
          color: 'green',
          title: contact ? 'Contact saved' : 'Contact added',
          message: contactName(saved),
        });
        onSaved(saved);
      },
      onError: showServerError,
    };
    if (contact) update.mutate({ id: contact.id, patch: input }, callbacks);
    else create.mutate(input, callbacks);
  }

  const field = (
    name: keyof typeof form.values,
    label: string,
    extra: { type?: string; required?: boolean } = {},
  ) => <TextInput label={label} {...extra} {...form.getInputProps(name)} />;

  return (
    <form
      onSubmit={onSubmit(save)}
      noValidate
      aria-label={contact ? 'Edit contact' : 'New contact'}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" title="The contact was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field('firstName', 'First name')}
          {field('lastName', 'Last name', { required: true })}
          {field('title', 'Job title')}
          {field('email', 'Email', { type: 'email' })}
          {field('phone', 'Phone', { type: 'tel' })}
          {field('externalId', 'External ID')}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSaving}>
            Cancel
          </Button>
          <Button type="submit" loading={isSaving}>
            {contact ? 'Save contact' : 'Add contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
