import { Select } from '@mantine/core';
import { useUsers } from './useReference';

/** Picks a user as owner; lists the users the caller may see. */
export function OwnerSelect({
  value,
  onChange,
  label = 'Owner',
  placeholder = 'Anyone',
  clearable = true,
  error,
  description,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  label?: string;
  placeholder?: string;
  clearable?: boolean;
  error?: string;
  description?: string;
}) {
  const users = useUsers();
  const data = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: user.isActive ? user.name : `${user.name} (inactive)`,
  }));
  return (
    <Select
      label={label}
      placeholder={users.isLoading ? 'Loading…' : placeholder}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      nothingFoundMessage="No one matches"
      error={error ?? (users.isError ? 'Could not load users' : undefined)}
      description={description}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
