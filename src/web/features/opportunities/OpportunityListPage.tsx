import { Button, Group, Select, Table } from '@mantine/core';
import { Link } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { formatMoney } from '../../components/money';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListPage, ListTable } from '../../components/ListPage';
import { SearchInput } from '../../components/SearchInput';
import { type SortOrder, SortableTh } from '../../components/SortableTh';
import { LinkCell, LinkedRow } from '../../components/LinkedRow';
import { useListParams } from '../../components/useListParams';
import { DrillDownFilters } from '../dashboards/DrillDownFilters';
import { PlanHealthCell } from '../deal-plans/PlanHealthCell';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { ExpectedClose } from './ExpectedClose';
import { StageBadge } from './StageBadge';
import { useOpportunityList, useProductOptions } from './useOpportunities';

const PAGE_SIZE = 25;
type OpportunitySort =
  'name' | 'amountMinor' | 'createdOn' | 'expectedCloseOn' | 'closedOn' | 'updatedAt';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

export function OpportunityListPage() {
  const reference = useReference();
  const products = useProductOptions();
  const { values, setFilters, ...params } = useListParams({
    q: '',
    status: '',
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
    sort: 'updatedAt',
    order: 'desc',
  });
  const list = useOpportunityList({ ...values, page: params.page, pageSize: PAGE_SIZE });
  const onSort = (sort: OpportunitySort, order: SortOrder) => setFilters({ sort, order });
  const sortProps = { sort: values.sort, order: values.order as SortOrder, onSort };
  const stages = [...(reference.data?.stages ?? [])]
    .filter((stage) => !values.status || stage.kind === values.status)
    .sort((a, b) => a.position - b.position)
    .map((stage) => ({ value: stage.id, label: stage.name }));

  return (
    <ListPage
      title="Opportunities"
      description="Your deals: what is open, what was won and what was lost."
      action={
        <Group gap="sm">
          <ExportCsvMenu path="/api/opportunities" filters={values} />
          <Button component={Link} to="/opportunities/new" leftSection={<PlusIcon size={16} />}>
            New opportunity
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
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={values.status || null}
            onChange={(status) => setFilters({ status, stageId: null })}
            clearable
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
          <DrillDownFilters values={values} onRemove={setFilters} />
        </>
      }
      query={list}
      params={params}
      pageSize={PAGE_SIZE}
      noun="opportunities"
      columns={6}
      noMatch={{
        title: 'No opportunities match',
        description: 'Try another search or clear the filters.',
      }}
      empty={{
        title: 'No opportunities yet',
        description: 'Record a deal as soon as an account shows a real need: the funnel counts it.',
        action: (
          <Button component={Link} to="/opportunities/new">
            New opportunity
          </Button>
        ),
      }}
    >
      {(data) => (
        <ListTable
          label="Opportunities"
          minWidth={860}
          isDimmed={list.isPlaceholderData}
          head={
            <>
              <SortableTh field="name" label="Name" {...sortProps} />
              <Table.Th>Account</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Stage</Table.Th>
              <SortableTh field="amountMinor" label="Amount" align="right" {...sortProps} />
              <SortableTh field="expectedCloseOn" label="Expected close" {...sortProps} />
              <Table.Th>Plan</Table.Th>
            </>
          }
        >
          {data.items.map((opportunity) => (
            <LinkedRow key={opportunity.id} to={`/opportunities/${opportunity.id}`}>
              <LinkCell to={`/opportunities/${opportunity.id}`}>{opportunity.name}</LinkCell>
              <Table.Td>{opportunity.accountName ?? '—'}</Table.Td>
              <Table.Td>{opportunity.ownerName}</Table.Td>
              <Table.Td>
                <StageBadge
                  name={opportunity.stageName}
                  kind={opportunity.stageKind}
                  probabilityPercent={opportunity.probabilityPercent}
                />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {formatMoney(opportunity.amountMinor, opportunity.currency)}
              </Table.Td>
              <Table.Td>
                <ExpectedClose opportunity={opportunity} />
              </Table.Td>
              <Table.Td>
                <PlanHealthCell
                  opportunityId={opportunity.id}
                  pageIds={data.items.map((o) => o.id)}
                />
              </Table.Td>
            </LinkedRow>
          ))}
        </ListTable>
      )}
    </ListPage>
  );
}
