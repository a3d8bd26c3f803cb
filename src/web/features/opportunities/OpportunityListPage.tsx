import { Button, Group, Select } from '@mantine/core';
import { Link } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { formatMoney } from '../../components/money';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListPage } from '../../components/ListPage';
import { type RecordSorting, RecordList } from '../../components/RecordList';
import { SearchInput } from '../../components/SearchInput';
import type { SortOrder } from '../../components/SortableTh';
import { useListParams } from '../../components/useListParams';
import { DrillDownFilters } from '../dashboards/DrillDownFilters';
import { PlanHealthCell } from '../deal-plans/PlanHealthCell';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { ExpectedClose } from './ExpectedClose';
import { StageBadge } from './StageBadge';
import { useSession } from '../session/useSession';
import { OpportunitySummaryLine } from './OpportunitySummaryLine';
import { useOpportunityList, useOpportunitySummary, useProductOptions } from './useOpportunities';
import type { Role } from '../../../domain/roles';

const PAGE_SIZE = 25;
type OpportunitySort =
  'name' | 'amountMinor' | 'createdOn' | 'expectedCloseOn' | 'closedOn' | 'updatedAt';

// The list opens on the open pipeline; "any" shows every deal (the API's status left out).
const ANY_STATUS = 'any';
const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
  { value: ANY_STATUS, label: 'Any status' },
];

const FLAG_OPTIONS = [
  { value: 'overdue', label: 'Past the expected close' },
  { value: 'stale', label: 'Stale: no activity in 30 days' },
  { value: 'slipping', label: 'Slipping: close moved 3+ times' },
];

const PLAN_OPTIONS = [
  { value: 'with-plan', label: 'With a deal plan' },
  { value: 'without-plan', label: 'Without a deal plan' },
  { value: 'plan-errors', label: 'Plan has errors' },
];

/** Whose deals the list holds, in the subtitle: the API scopes the list by role. */
const WHOSE_DEALS: Record<Role, string> = {
  rep: 'Your deals',
  manager: "Your team's deals",
  leader: 'Every deal in the organisation',
  admin: 'Every deal in the organisation',
};

export function OpportunityListPage() {
  const reference = useReference();
  const products = useProductOptions();
  const session = useSession();
  const { values, setFilters, ...params } = useListParams({
    q: '',
    status: 'open',
    plan: '',
    stageId: '',
    ownerId: '',
    productId: '',
    accountId: '',
    // A dashboard's drill-down: no field of their own, shown as removable badges.
    managerId: '',
    segmentId: '',
    territoryId: '',
    closedFrom: '',
    closedTo: '',
    createdFrom: '',
    createdTo: '',
    flag: '',
    sort: 'expectedCloseOn',
    order: 'asc',
  });
  const filters = { ...values, status: values.status === ANY_STATUS ? '' : values.status };
  const list = useOpportunityList({ ...filters, page: params.page, pageSize: PAGE_SIZE });
  const summary = useOpportunitySummary(filters);
  const sorting: RecordSorting<OpportunitySort> = {
    sort: values.sort,
    order: values.order as SortOrder,
    onSort: (sort, order) => setFilters({ sort, order }),
  };
  const stages = [...(reference.data?.stages ?? [])]
    .filter((stage) => !filters.status || stage.kind === filters.status)
    .sort((a, b) => a.position - b.position)
    .map((stage) => ({ value: stage.id, label: stage.name }));

  return (
    <ListPage
      title="Deals"
      description={`${WHOSE_DEALS[session.data?.user.role ?? 'rep']}: the open pipeline first, by expected close. Choose a status for won and lost deals.`}
      action={
        <Group gap="sm">
          <ExportCsvMenu path="/api/opportunities" filters={filters} />
          <Button component={Link} to="/opportunities/new" leftSection={<PlusIcon size={16} />}>
            New deal
          </Button>
        </Group>
      }
      filters={
        <>
          <SearchInput
            value={values.q}
            onSearch={(q) => setFilters({ q })}
            placeholder="Deal or account…"
          />
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            value={values.status}
            onChange={(status) => setFilters({ status, stageId: null })}
            allowDeselect={false}
            w={140}
          />
          <Select
            label="Stage"
            placeholder="Any stage"
            data={stages}
            value={values.stageId || null}
            onChange={(stageId) => setFilters({ stageId })}
            clearable
          />
          <OwnerSelect
            value={values.ownerId || null}
            onChange={(ownerId) => setFilters({ ownerId })}
          />
          <Select
            label="Product"
            placeholder="Any product"
            data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={values.productId || null}
            onChange={(productId) => setFilters({ productId })}
            searchable
            clearable
          />
          <Select
            label="Needs attention"
            placeholder="Any deal"
            data={FLAG_OPTIONS}
            value={values.flag || null}
            onChange={(flag) => setFilters({ flag })}
            clearable
          />
          <Select
            label="Deal plan"
            placeholder="With or without"
            data={PLAN_OPTIONS}
            value={values.plan || null}
            onChange={(plan) => setFilters({ plan })}
            clearable
          />
          <DrillDownFilters values={values} onRemove={setFilters} />
        </>
      }
      summary={<OpportunitySummaryLine query={summary} />}
      query={list}
      params={params}
      pageSize={PAGE_SIZE}
      noun="deals"
      columns={6}
      noMatch={{
        title: 'No deals match',
        description: 'Try another search or clear the filters.',
      }}
      empty={{
        title: 'No deals yet',
        description: 'Record a deal as soon as an account shows a real need: the funnel counts it.',
        action: (
          <Button component={Link} to="/opportunities/new">
            New deal
          </Button>
        ),
      }}
    >
      {(data) => (
        <RecordList
          label="Deals"
          rows={data.items}
          rowKey={(opportunity) => opportunity.id}
          rowLink={(opportunity) => `/opportunities/${opportunity.id}`}
          sorting={sorting}
          minWidth={860}
          isDimmed={list.isPlaceholderData}
          columns={[
            { label: 'Name', sortField: 'name', cell: (o) => o.name },
            { label: 'Account', cell: (o) => o.accountName ?? '—' },
            { label: 'Owner', cell: (o) => o.ownerName },
            {
              label: 'Stage',
              cell: (o) => (
                <StageBadge
                  name={o.stageName}
                  kind={o.stageKind}
                  probabilityPercent={o.probabilityPercent}
                />
              ),
            },
            {
              label: 'Amount',
              sortField: 'amountMinor',
              align: 'right',
              noWrap: true,
              cell: (o) => formatMoney(o.amountMinor, o.currency),
            },
            {
              label: 'Expected close',
              sortField: 'expectedCloseOn',
              cell: (o) => <ExpectedClose opportunity={o} />,
            },
            {
              label: 'Plan',
              cell: (o) => (
                <PlanHealthCell
                  opportunityId={o.id}
                  pageIds={data.items.map((item) => item.id)}
                  isOpen={o.stageKind === 'open'}
                />
              ),
            },
          ]}
        />
      )}
    </ListPage>
  );
}
