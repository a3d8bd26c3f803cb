import { useEffect, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { SearchIcon } from './icons';

/** A search box that reports what was typed after a short pause, not on every key. */
export function SearchInput({
  value,
  onSearch,
  label = 'Search',
  placeholder,
}: {
  value: string;
  onSearch: (value: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
    // Only a settled change of the text should search; `value` follows from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      leftSection={<SearchIcon size={16} />}
      type="search"
      miw={220}
    />
  );
}
