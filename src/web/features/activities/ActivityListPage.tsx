import { useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { Activity } from '../../../schemas/activities';
import { PlusIcon } from '../../components/icons';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListPage } from '../../components/ListPage';
import { SearchInput } from '../../components/SearchInput';
import { useListParams } from '../../components/useListParams';
import { DrillDownFilters } from '../dashboards/DrillDownFilters';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityTable } from './ActivityTable';
import { useActivityList } from './useActivities';

const PAGE_SIZE = 25;

type Editing = { activity?: Activity } | null;

export function ActivityListPage() {
  const reference = useReference();
  const [editing, setEditing] = useState<Editing>(null);
  const { values, setFilters, ...params } = useListParams({
    q: '',
    type: '',
    status: '',
    ownerId: '',
    from: '',
    to: '',
    // A dashboard's drill-down to a team: shown as a removable badge.
    managerId: '',
    sort: 'occursOn',
    order: 'desc',
  });
  const list = useActivityList({ ...values, page: params.page, pageSize: PAGE_SIZE });

  return (
    <>
      <ListPage
        title="Activities"
        description="Calls, meetings, demos and proposals: planned and done."
        action={
          <Group gap="sm">
            <ExportCsvMenu path="/api/activities" filters={values} />
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing({})}>
              New activity
            </Button>
          </Group>
        }
        filters={
          <>
            <SearchInput
              value={values.q}
              onSearch={(q) => setFilters({ q })}
              placeholder="Subject, outcome…"
            />
            <Select
              label="Type"
              placeholder="Any type"
              data={(reference.data?.activityTypes ?? []).map((t) => ({
                value: t.key,
                label: t.label,
              }))}
              value={values.type || null}
              onChange={(type) => setFilters({ type })}
              clearable
              w={160}
            />
            <Select
              label="Status"
              placeholder="Any status"
              data={[
                { value: 'planned', label: 'Planned' },
                { value: 'done', label: 'Done' },
              ]}
              value={values.status || null}
              onChange={(status) => setFilters({ status })}
              clearable
              w={140}
            />
            <OwnerSelect
              value={values.ownerId || null}
              onChange={(ownerId) => setFilters({ ownerId })}
            />
            <DatePickerInput
              type="range"
              label="Dates"
              placeholder="Any date"
              valueFormat="YYYY-MM-DD"
              allowSingleDateInRange
              clearable
              firstDayOfWeek={1}
              miw={220}
              value={[values.from || null, values.to || null]}
              onChange={([from, to]) => {
                // Filter once the range is complete, or when it is cleared.
                if ((from && to) || (!from && !to)) setFilters({ from, to });
              }}
            />
            <DrillDownFilters values={{ managerId: values.managerId }} onRemove={setFilters} />
          </>
        }
        query={list}
        params={params}
        pageSize={PAGE_SIZE}
        noun="activities"
        columns={7}
        noMatch={{
          title: 'No activities match',
          description: 'Try another search, type or date range.',
        }}
        empty={{
          title: 'No activities yet',
          description: 'Plan your calls and meetings here; log them as done when they happen.',
          action: <Button onClick={() => setEditing({})}>New activity</Button>,
        }}
      >
        {(data) => (
          <ActivityTable
            activities={data.items}
            onEdit={(activity) => setEditing({ activity })}
            isDimmed={list.isPlaceholderData}
          />
        )}
      </ListPage>
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing?.activity}
      />
    </>
  );
}
