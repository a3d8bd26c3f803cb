import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Contact, ContactInput } from '../../../schemas/contacts';
import {
  blankToNull,
  type FieldErrors,
  serverFieldErrors,
  zodFieldErrors,
} from '../../components/form-errors';
import { contactName, useCreateContact, useUpdateContact } from './useContacts';

const FORM_FIELDS = ['firstName', 'lastName', 'title', 'email', 'phone', 'externalId'] as const;

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
  const [values, setValues] = useState({
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    externalId: contact?.externalId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const isSaving = create.isPending || update.isPending;

  function field(
    name: keyof typeof values,
    label: string,
    extra: { type?: string; required?: boolean } = {},
  ) {
    return (
      <TextInput
        label={label}
        type={extra.type}
        required={extra.required}
        value={values[name]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setValues((previous) => ({ ...previous, [name]: value }));
        }}
        error={errors[name]}
      />
    );
  }

  function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = ContactInput.safeParse({
      accountId,
      firstName: values.firstName,
      lastName: values.lastName,
      title: blankToNull(values.title),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      externalId: blankToNull(values.externalId),
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const callbacks = {
      onSuccess: (saved: Contact) => {
        notifications.show({
          color: 'green',
          title: contact ? 'Contact saved' : 'Contact added',
          message: contactName(saved),
        });
        onSaved(saved);
      },
      onError: (error: Error) => setErrors(serverFieldErrors(error, FORM_FIELDS)),
    };
    if (contact) update.mutate({ id: contact.id, patch: parsed.data }, callbacks);
    else create.mutate(parsed.data, callbacks);
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
      <Stack gap="md">
        {errors._form && (
          <Alert color="red" variant="light" title="The contact was not saved" role="alert">
            {errors._form}
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
