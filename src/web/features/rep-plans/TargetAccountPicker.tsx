import { useState } from 'react';
import { Group, MultiSelect, Select, Stack } from '@mantine/core';
import type { AccountStatus } from '../../../schemas/accounts';
import type { RepPlan } from '../../../schemas/rep-plans';
import { ACCOUNT_STATUS_LABELS, useAccountList } from '../accounts/useAccounts';
import { useReference } from '../reference/useReference';
import { useSession } from '../session/useSession';

/**
 * Target accounts picked from the rep's accounts, narrowed by segment and status. Picks made
 * under one filter stay listed (with their names) when the filter changes.
 */
export function TargetAccountPicker({
  plan,
  value,
  onChange,
  error,
}: {
  plan: RepPlan;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const reference = useReference();
  const session = useSession();
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<AccountStatus | null>(null);
  // Exactly the rep's accounts as the API checks them: theirs, the shared pool, and those where
  // they own a deal, whoever looks (the rep or their manager).
  const accounts = useAccountList(
    { workableBy: plan.rep.id, segmentId, status, pageSize: 500 },
    { enabled: session.isSuccess },
  );
  const [known, setKnown] = useState(
    () => new Map(plan.targetAccounts.map((a) => [a.accountId, a.name])),
  );
  const listed = new Map(known);
  for (const account of accounts.data?.items ?? []) listed.set(account.id, account.name);
  const filtered = new Set((accounts.data?.items ?? []).map((account) => account.id));
  // The filter narrows what is offered; the picks already made stay visible as pills.
  const data = [...listed]
    .filter(([id]) => filtered.has(id) || value.includes(id))
    .map(([id, name]) => ({ value: id, label: name }));
  return (
    <Stack gap="xs">
      <Group grow>
        <Select
          label="Segment"
          clearable
          data={(reference.data?.segments ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={segmentId}
          onChange={setSegmentId}
        />
        <Select
          label="Status"
          clearable
          data={Object.entries(ACCOUNT_STATUS_LABELS).map(([key, label]) => ({
            value: key,
            label,
          }))}
          value={status}
          onChange={(next) => setStatus(next as AccountStatus | null)}
        />
      </Group>
      <MultiSelect
        label="Target accounts"
        description={`${value.length} picked`}
        searchable
        data={data}
        value={value}
        error={error}
        onChange={(ids) => {
          setKnown(new Map([...known, ...ids.map((id) => [id, listed.get(id) ?? id] as const)]));
          onChange(ids);
        }}
      />
    </Stack>
  );
}
