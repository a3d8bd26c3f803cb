import { Button, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DashboardFilters } from '../../../schemas/dashboards';
import { useProductOptions } from '../opportunities/useOpportunities';
import { useReference, useUsers } from '../reference/useReference';

/** The organisation dashboard's filters: period, team, rep, segment, product, territory. */
export function DashboardFiltersBar({
  filters,
  onChange,
  onClear,
  hasFilters,
}: {
  filters: DashboardFilters;
  onChange: (changes: Partial<Record<keyof DashboardFilters, string | null>>) => void;
  onClear: () => void;
  hasFilters: boolean;
}) {
  const reference = useReference();
  const users = useUsers();
  const products = useProductOptions();
  const people = users.data?.items ?? [];
  const managers = people
    .filter((user) => user.role === 'manager')
    .map((user) => ({ value: user.id, label: user.name }));
  // Once a team is chosen, only its reps.
  const reps = people
    .filter((user) => user.role === 'rep')
    .filter((user) => !filters.managerId || user.managerId === filters.managerId)
    .map((user) => ({ value: user.id, label: user.name }));
  const options = (items: readonly { id: string; name: string }[] | undefined) =>
    (items ?? []).map((item) => ({ value: item.id, label: item.name }));
  return (
    <Group
      align="flex-end"
      gap="sm"
      wrap="wrap"
      className="no-print"
      role="search"
      aria-label="Dashboard filters"
    >
      <DatePickerInput
        type="range"
        label="Period"
        // No placeholder (Mantine's is grey below AA): the page's subtitle says the period.
        description="Empty: the fiscal year to date"
        valueFormat="YYYY-MM-DD"
        allowSingleDateInRange
        clearable
        firstDayOfWeek={1}
        miw={220}
        value={[filters.from ?? null, filters.to ?? null]}
        onChange={([from, to]) => {
          // Filter once the range is complete, or when it is cleared.
          if ((from && to) || (!from && !to)) onChange({ from, to });
        }}
      />
      <Select
        label="Team (manager)"
        placeholder="All teams"
        data={managers}
        value={filters.managerId ?? null}
        onChange={(managerId) => onChange({ managerId, repId: null })}
        searchable
        clearable
        w={200}
      />
      <Select
        label="Rep"
        placeholder="All reps"
        data={reps}
        value={filters.repId ?? null}
        onChange={(repId) => onChange({ repId })}
        searchable
        clearable
        w={200}
      />
      <Select
        label="Segment"
        placeholder="All segments"
        data={options(reference.data?.segments)}
        value={filters.segmentId ?? null}
        onChange={(segmentId) => onChange({ segmentId })}
        clearable
        w={180}
      />
      <Select
        label="Product"
        placeholder="All products"
        data={options(products.data?.items)}
        value={filters.productId ?? null}
        onChange={(productId) => onChange({ productId })}
        searchable
        clearable
        w={200}
      />
      <Select
        label="Territory"
        placeholder="All territories"
        data={options(reference.data?.territories)}
        value={filters.territoryId ?? null}
        onChange={(territoryId) => onChange({ territoryId })}
        clearable
        w={180}
      />
      {hasFilters && (
        <Button variant="default" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
