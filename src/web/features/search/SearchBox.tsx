import { useState } from 'react';
import { Autocomplete, Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { SEARCH_TEXT_MAX_LENGTH, SEARCH_TEXT_MIN_LENGTH } from '../../../domain/search';
import type { SearchResult } from '../../../schemas/search';
import { SearchIcon } from '../../components/icons';
import { useSearch } from './useSearch';

/** The best few: more would not fit a phone's screen without scrolling. */
const SEARCH_BOX_RESULTS = 8;

const KIND_LABELS: Record<SearchResult['kind'], string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Deal',
};

/**
 * The header's one search box: accounts, contacts and deals you may see, by name, email or a
 * deal's account, typos forgiven. Picking a result opens its page.
 */
export function SearchBox() {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const search = useSearch(debounced, SEARCH_BOX_RESULTS);
  const navigate = useNavigate();
  const results =
    debounced.trim().length >= SEARCH_TEXT_MIN_LENGTH ? (search.data?.items ?? []) : [];
  // Contacts open their account's page: the option's value is the record, not the link.
  const byKey = new Map(results.map((result) => [`${result.kind}:${result.id}`, result]));
  const isTooShort = text.trim().length < SEARCH_TEXT_MIN_LENGTH;

  return (
    <Autocomplete
      aria-label="Search accounts, contacts and deals"
      placeholder="Search accounts, contacts, deals…"
      leftSection={<SearchIcon />}
      value={text}
      onChange={setText}
      maxLength={SEARCH_TEXT_MAX_LENGTH}
      data={[...byKey].map(([key, result]) => ({ value: key, label: result.name }))}
      // The server ranked by similarity, typos included: keep its order and every answer.
      filter={({ options }) => options}
      limit={SEARCH_BOX_RESULTS}
      onOptionSubmit={(key) => {
        const result = byKey.get(key);
        setText('');
        if (result) void navigate(result.link);
      }}
      renderOption={({ option }) => {
        const result = byKey.get(option.value);
        return (
          <Group gap="sm" wrap="nowrap" justify="space-between" w="100%">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {result?.name ?? option.value}
              </Text>
              {result?.subtitle ? (
                <Text size="xs" c="gray.7" truncate>
                  {result.subtitle}
                </Text>
              ) : null}
            </Stack>
            {result ? (
              <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                {KIND_LABELS[result.kind]}
              </Badge>
            ) : null}
          </Group>
        );
      }}
      // At most SEARCH_BOX_RESULTS: the list fits a phone's screen and needs no scrolling region.
      withScrollArea={false}
      // As wide as the box on a desktop; wider than the narrow box on a phone.
      comboboxProps={{ width: 'min(92vw, 440px)', position: 'bottom-end', shadow: 'md' }}
      rightSection={
        !isTooShort && !search.isFetching && search.isFetched && results.length === 0 ? (
          <Text size="xs" c="gray.7" pr="xs" style={{ whiteSpace: 'nowrap' }}>
            No match
          </Text>
        ) : undefined
      }
      rightSectionWidth={!isTooShort && search.isFetched && results.length === 0 ? 72 : undefined}
      style={{ flex: 1, maxWidth: 440, minWidth: 0 }}
    />
  );
}
