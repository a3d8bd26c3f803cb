import { Badge, Button, Group, Select } from '@mantine/core';
import { Link } from 'react-router';
import type { AccountStatus } from '../../../schemas/accounts';
import { formatDay } from '../../components/dates';
import { PlusIcon } from '../../components/icons';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListPage } from '../../components/ListPage';
import { type RecordSorting, RecordList } from '../../components/RecordList';
import { SearchInput } from '../../components/SearchInput';
import type { SortOrder } from '../../components/SortableTh';
import { useListParams } from '../../components/useListParams';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { ACCOUNT_STATUS_LABELS, useAccountList } from './useAccounts';

const PAGE_SIZE = 25;
type AccountSort = 'name' | 'status';

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return (
    <Badge variant="light" color={status === 'customer' ? 'teal' : 'gray'}>
      {ACCOUNT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function AccountListPage() {
  const reference = useReference();
  const { values, setFilters, ...params } = useListParams({
    q: '',
    segmentId: '',
    status: '',
    ownerId: '',
    sort: 'name',
    order: 'asc',
  });
  const list = useAccountList({ ...values, page: params.page, pageSize: PAGE_SIZE });
  const sorting: RecordSorting<AccountSort> = {
    sort: values.sort,
    order: values.order as SortOrder,
    onSort: (sort, order) => setFilters({ sort, order }),
  };

  return (
    <ListPage
      title="Accounts"
      description="Prospects and customers, with their segment and owner."
      action={
        <Group gap="sm">
          <ExportCsvMenu path="/api/accounts" filters={values} />
          <Button component={Link} to="/accounts/new" leftSection={<PlusIcon size={16} />}>
            New account
          </Button>
        </Group>
      }
      filters={
        <>
          <SearchInput
            value={values.q}
            onSearch={(q) => setFilters({ q })}
            placeholder="Name, industry, country…"
          />
          <Select
            label="Segment"
            placeholder="All segments"
            data={(reference.data?.segments ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={values.segmentId || null}
            onChange={(segmentId) => setFilters({ segmentId })}
            clearable
          />
          <Select
            label="Status"
            placeholder="All statuses"
            data={[
              { value: 'prospect', label: 'Prospect' },
              { value: 'customer', label: 'Customer' },
            ]}
            value={values.status || null}
            onChange={(status) => setFilters({ status })}
            clearable
          />
          <OwnerSelect
            value={values.ownerId || null}
            onChange={(ownerId) => setFilters({ ownerId })}
          />
        </>
      }
      query={list}
      params={params}
      pageSize={PAGE_SIZE}
      noun="accounts"
      columns={7}
      noMatch={{
        title: 'No accounts match',
        description: 'Try another search or clear the filters.',
      }}
      empty={{
        title: 'No accounts yet',
        description: 'Add the companies you sell to; their deals and activities hang off them.',
        action: (
          <Button component={Link} to="/accounts/new">
            New account
          </Button>
        ),
      }}
    >
      {(data) => (
        <RecordList
          label="Accounts"
          rows={data.items}
          rowKey={(account) => account.id}
          rowLink={(account) => `/accounts/${account.id}`}
          sorting={sorting}
          minWidth={760}
          isDimmed={list.isPlaceholderData}
          columns={[
            { label: 'Name', sortField: 'name', cell: (a) => a.name },
            {
              label: 'Status',
              sortField: 'status',
              cell: (a) => <AccountStatusBadge status={a.status} />,
            },
            { label: 'Segment', cell: (a) => a.segmentName ?? '—' },
            { label: 'Owner', cell: (a) => a.ownerName ?? 'Unassigned' },
            {
              label: 'Industry · Country',
              cell: (a) => [a.industry, a.country].filter(Boolean).join(' · ') || '—',
            },
            {
              label: 'Open deals',
              cell: (a) => (a.openDealCount === 0 ? 'None' : a.openDealCount),
            },
            {
              label: 'Last activity',
              noWrap: true,
              cell: (a) => (a.lastActivityOn === null ? 'None yet' : formatDay(a.lastActivityOn)),
            },
          ]}
        />
      )}
    </ListPage>
  );
}
