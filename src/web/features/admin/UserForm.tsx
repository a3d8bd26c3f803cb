import { Checkbox, Select, TextInput } from '@mantine/core';
import { ROLES } from '../../../domain/roles';
import type { PasswordLinkUrl } from '../../../schemas/password-links';
import { type User, UserInput, UserPatch } from '../../../schemas/users';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useReference, useUsers } from '../reference/useReference';
import { AdminFormFrame } from './AdminFormFrame';
import { conflictOnField } from './admin-form';
import { useCreatePasswordLink } from '../password-links/usePasswordLinks';
import { useCreateUser, useUpdateUser } from './useAdmin';

export const ROLE_LABELS: Record<User['role'], string> = {
  rep: 'Rep',
  manager: 'Manager',
  leader: 'Leader',
  admin: 'Admin',
};

type UserValues = {
  name: string;
  email: string;
  role: User['role'];
  managerId: string | null;
  territoryId: string | null;
  /** New users only: make a set-password link to send them (else they cannot sign in yet). */
  withLink: boolean;
};

/**
 * Creates a user (with a set-password link shown once to the admin, so that the user chooses
 * their own password and nobody else ever knows it) or changes one's name, email,
 * role, manager and territory, based on the version the admin saw.
 */
export function UserForm({
  user,
  onDone,
  onCreated,
}: {
  user: User | null;
  onDone: () => void;
  onCreated: (user: User, link: PasswordLinkUrl | null) => void;
}) {
  const create = useCreateUser();
  const update = useUpdateUser();
  const makeLink = useCreatePasswordLink();
  const reference = useReference();
  const people = useUsers();
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: user ? UserPatch : UserInput,
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'rep',
      managerId: user?.managerId ?? null,
      territoryId: user?.territoryId ?? null,
      withLink: true,
    } satisfies UserValues as UserValues,
    toInput: ({ withLink: _, ...values }) => values,
  });
  const managers = (people.data?.items ?? [])
    .filter((person) => person.role !== 'rep' && person.id !== user?.id && person.isActive)
    .map((person) => ({ value: person.id, label: `${person.name} (${ROLE_LABELS[person.role]})` }));
  const territories = (reference.data?.territories ?? []).map((t) => ({
    value: t.id,
    label: t.name,
  }));
  const onError = (error: unknown) => showServerError(conflictOnField(error, 'email'));
  return (
    <AdminFormFrame
      label="User"
      formError={formError}
      isSaving={create.isPending || update.isPending || makeLink.isPending}
      onCancel={onDone}
      saveLabel={user ? 'Save' : 'Create user'}
      onSubmit={onSubmit((input, values) => {
        if (user) {
          update.mutate({ user, patch: input }, { onSuccess: onDone, onError });
          return;
        }
        create.mutate(input as UserInput, {
          onSuccess: (created) => {
            if (!values.withLink) return onCreated(created, null);
            // The user exists either way; without a link the admin makes one later.
            makeLink.mutate(created.id, {
              onSuccess: (link) => onCreated(created, link),
              onError: () => onCreated(created, null),
            });
          },
          onError,
        });
      })}
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
      <Select
        label="Role"
        required
        allowDeselect={false}
        data={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        {...field('role')}
        onChange={(value) => field('role').onChange((value ?? 'rep') as User['role'])}
      />
      <Select
        label="Manager"
        description="Who they report to: a manager sees their team's records"
        clearable
        searchable
        data={managers}
        {...field('managerId')}
      />
      <Select label="Territory" clearable data={territories} {...field('territoryId')} />
      {!user && (
        <Checkbox
          label="Make a set-password link now (shown to you once, to send them)"
          description="They open it and choose their own password"
          {...form.getInputProps('withLink', { type: 'checkbox' })}
        />
      )}
    </AdminFormFrame>
  );
}
