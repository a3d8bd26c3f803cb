import { Checkbox, Group, Select } from '@mantine/core';
import { useListParams } from '../../components/useListParams';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';

// The ranking's filters, kept in the URL like the other lists' (bookmarkable, back on Back):
// owner, segment, territory and only the proposed or confirmed key accounts. Ranks and the cut
// stay those of the whole organisation; the filters only choose which accounts are shown.

export function useRankingFilters() {
  const { values, setFilters } = useListParams({
    ownerId: '',
    segmentId: '',
    territoryId: '',
    keyOnly: '',
  });
  /** The query the ranking (and its CSV export) is asked with. */
  const query = {
    ownerId: values.ownerId || undefined,
    segmentId: values.segmentId || undefined,
    territoryId: values.territoryId || undefined,
    keyOnly: values.keyOnly === 'true' ? 'true' : undefined,
  };
  return { values, setFilters, query };
}

export function RankingFilters({
  values,
  setFilters,
}: Pick<ReturnType<typeof useRankingFilters>, 'values' | 'setFilters'>) {
  const reference = useReference();
  const options = (items: { id: string; name: string }[] | undefined) =>
    (items ?? []).map((i) => ({ value: i.id, label: i.name }));
  return (
    <Group gap="sm" align="flex-end">
      <OwnerSelect value={values.ownerId || null} onChange={(ownerId) => setFilters({ ownerId })} />
      <Select
        label="Segment"
        placeholder="All segments"
        data={options(reference.data?.segments)}
        value={values.segmentId || null}
        onChange={(segmentId) => setFilters({ segmentId })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Territory"
        placeholder="All territories"
        data={options(reference.data?.territories)}
        value={values.territoryId || null}
        onChange={(territoryId) => setFilters({ territoryId })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox
        label="Only proposed or confirmed key accounts"
        checked={values.keyOnly === 'true'}
        onChange={(event) => setFilters({ keyOnly: event.currentTarget.checked ? 'true' : null })}
        mb={8}
      />
    </Group>
  );
}
