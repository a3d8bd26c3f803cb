import { type ReactNode, useState } from 'react';
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useSearchParams } from 'react-router';
import type { Activity } from '../../../schemas/activities';
import { PlusIcon } from '../../components/icons';
import { formatDay } from '../../components/dates';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListPage } from '../../components/ListPage';
import { SearchInput } from '../../components/SearchInput';
import { useListParams } from '../../components/useListParams';
import { DrillDownFilters } from '../dashboards/DrillDownFilters';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { useToday } from '../session/useSession';
import { type ActivityDefaults } from './ActivityForm';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityTable } from './ActivityTable';
import { WeekNavigation } from './WeekNavigation';
import {
  ACTIVITY_VIEW_LABELS,
  ACTIVITY_VIEWS,
  type ActivityView,
  agendaGroupOf,
  dayHeading,
  isActivityView,
  weekRange,
} from './activity-views';
import { useActivityList } from './useActivities';

// A week of a whole team fits on one page; the agenda and the full list page through.
const PAGE_SIZES: Record<ActivityView, number> = { agenda: 50, week: 200, all: 25 };

type Editing = { activity?: Activity; defaults?: ActivityDefaults; title?: string } | null;

const LOG_A_CALL: Editing = {
  defaults: { type: 'call', status: 'done' },
  title: 'Log a call',
};

// A row's "Log call": the call just made to that row's account (and deal), ready to save, so a
// rep logs it in two clicks (the form's save button has the focus).
function logCallLike(activity: Activity): Editing {
  return {
    defaults: {
      type: 'call',
      status: 'done',
      accountId: activity.accountId,
      accountName: activity.accountName,
      ...(activity.opportunityId ? { opportunityId: activity.opportunityId } : {}),
    },
    title: `Log a call with ${activity.accountName}`,
  };
}

/**
 * The view and week in the URL, beside the list's filters (not among them: "Clear filters"
 * keeps the view). A link with a date range or a status (a dashboard's drill-down) opens the
 * full list; otherwise the page opens on the agenda.
 */
function useActivityView(hasRangeOrStatus: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('view') ?? '';
  const view: ActivityView = isActivityView(asked) ? asked : hasRangeOrStatus ? 'all' : 'agenda';
  const set = (changes: Record<string, string | null>) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  return {
    view,
    week: searchParams.get('week') ?? '',
    setView: (next: ActivityView) => set({ view: next }),
    setWeek: (week: string | null) => set({ week }),
  };
}

export function ActivityListPage() {
  const reference = useReference();
  const today = useToday();
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
  const {
    view,
    week: askedWeek,
    setView,
    setWeek,
  } = useActivityView(Boolean(values.from || values.to || values.status));
  const week = weekRange(askedWeek, today);
  const pageSize = PAGE_SIZES[view];
  // The agenda and the week set their own dates and order.
  const filters = {
    q: values.q,
    type: values.type,
    status: values.status,
    ownerId: values.ownerId,
    managerId: values.managerId,
  };
  const query =
    view === 'agenda'
      ? { ...filters, agendaFrom: today, sort: 'occursOn', order: 'asc' }
      : view === 'week'
        ? { ...filters, from: week.from, to: week.to, sort: 'occursOn', order: 'asc' }
        : values;
  const list = useActivityList({ ...query, page: params.page, pageSize });

  return (
    <>
      <ListPage
        title="Activities"
        description="Calls, meetings, demos and proposals: planned and done."
        action={
          <Group gap="sm">
            <ExportCsvMenu path="/api/activities" filters={query} />
            <Button
              variant="default"
              leftSection={<PlusIcon size={16} />}
              onClick={() => setEditing({})}
            >
              New activity
            </Button>
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing(LOG_A_CALL)}>
              Log a call
            </Button>
          </Group>
        }
        filters={
          <>
            <SegmentedControl
              aria-label="View"
              value={view}
              onChange={(next) => {
                if (isActivityView(next)) setView(next);
              }}
              data={ACTIVITY_VIEWS.map((v) => ({ value: v, label: ACTIVITY_VIEW_LABELS[v] }))}
            />
            {view === 'week' && (
              <WeekNavigation week={week} today={today} onChange={(next) => setWeek(next)} />
            )}
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
            {view === 'all' && (
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
            )}
            <DrillDownFilters values={{ managerId: values.managerId }} onRemove={setFilters} />
          </>
        }
        query={list}
        params={params}
        pageSize={pageSize}
        noun="activities"
        columns={7}
        noMatch={{
          title: 'No activities match',
          description: 'Try another search, type or date range.',
        }}
        empty={EMPTY[view]({ onLogCall: () => setEditing(LOG_A_CALL), week: week.from })}
      >
        {(data) => (
          <ActivityTable
            activities={data.items}
            onEdit={(activity) => setEditing({ activity })}
            onLogCall={(activity) => setEditing(logCallLike(activity))}
            isDimmed={list.isPlaceholderData}
            groupOf={
              view === 'agenda'
                ? agendaGroupOf(today)
                : view === 'week'
                  ? (activity) => dayHeading(activity.occursOn, today)
                  : undefined
            }
          />
        )}
      </ListPage>
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing?.activity}
        defaults={editing?.defaults}
        title={editing?.title}
      />
    </>
  );
}

const EMPTY: Record<
  ActivityView,
  (props: { onLogCall: () => void; week: string }) => {
    title: string;
    description: string;
    action: ReactNode;
  }
> = {
  agenda: ({ onLogCall }) => ({
    title: 'Nothing overdue or coming up',
    description: 'Plan your next calls and meetings, or log the call you just made.',
    action: <Button onClick={onLogCall}>Log a call</Button>,
  }),
  week: ({ onLogCall, week }) => ({
    title: 'No activities in this week',
    description: `Nothing is planned or logged from Monday ${formatDay(week)} to Sunday.`,
    action: <Button onClick={onLogCall}>Log a call</Button>,
  }),
  all: ({ onLogCall }) => ({
    title: 'No activities yet',
    description: 'Plan your calls and meetings here; log them as done when they happen.',
    action: <Button onClick={onLogCall}>Log a call</Button>,
  }),
};
