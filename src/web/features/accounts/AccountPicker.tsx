import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useAccountList } from './useAccounts';

type Option = { value: string; label: string };

/**
 * Picks an account by searching the server (`/api/accounts?q=`), so it works with thousands of
 * accounts. `selectedName` labels the current value before any search has run.
 */
export function AccountPicker({
  value,
  selectedName,
  onChange,
  label = 'Account',
  placeholder = 'Search accounts…',
  required,
  clearable = true,
  disabled,
  error,
  autoFocus,
}: {
  value: string | null;
  selectedName?: string | null;
  onChange: (value: string | null, name: string | null) => void;
  label?: string;
  placeholder?: string;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  error?: string;
  /** Takes the focus when it opens in a modal (Mantine's data-autofocus). */
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState(selectedName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [selected, setSelected] = useState<Option | null>(
    value && selectedName ? { value, label: selectedName } : null,
  );
  // Typing the selected name again should list everything, not just that one account.
  const query = selected && debounced === selected.label ? '' : debounced;
  const list = useAccountList({ q: query, pageSize: 20, sort: 'name', order: 'asc' });
  const options: Option[] = (list.data?.items ?? []).map((account) => ({
    value: account.id,
    label: account.name,
  }));
  if (selected && selected.value === value && !options.some((o) => o.value === selected.value)) {
    options.unshift(selected);
  }

  return (
    <Select
      label={label}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      searchable
      clearable={clearable}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by `q`; don't filter its answer again by the label.
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={(next, option) => {
        setSelected(next && option ? { value: next, label: option.label } : null);
        onChange(next, option?.label ?? null);
      }}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'No account matches'}
      error={error}
      data-autofocus={autoFocus || undefined}
    />
  );
}
