import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { errorMessage } from '../../api/client';
import { useAccountList } from '../accounts/useAccounts';
import { useReference } from '../reference/useReference';
import { useUpdateRepPlan } from './useRepPlans';

type RatioOverride = { percent: number | string; reason: string };

function overrideOf(value: { value: number; reason: string } | null | undefined): RatioOverride {
  return value ? { percent: value.value * 100, reason: value.reason } : { percent: '', reason: '' };
}

function toOverride({ percent, reason }: RatioOverride) {
  return percent === '' ? null : { value: Number(percent) / 100, reason };
}

/** Editing a draft: cadence, target accounts (the rep's, by segment and status), funnel overrides. */
export function RepPlanDraftForm({ plan }: { plan: RepPlan }) {
  const reference = useReference();
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const accounts = useAccountList({ ownerId: plan.rep.id, segmentId, status, pageSize: 500 });
  const update = useUpdateRepPlan();
  const [cadence, setCadence] = useState(plan.cadence);
  const [accountIds, setAccountIds] = useState(plan.targetAccounts.map((a) => a.accountId));
  const [closing, setClosing] = useState(overrideOf(plan.funnelInputs.closingRatio));
  const [meeting, setMeeting] = useState(overrideOf(plan.funnelInputs.meetingToOpportunityRatio));
  const options = new Map(plan.targetAccounts.map((a) => [a.accountId, a.name]));
  for (const account of accounts.data?.items ?? []) options.set(account.id, account.name);
  const ratio = (label: string, value: RatioOverride, set: (next: RatioOverride) => void) => (
    <Group grow align="flex-end">
      <NumberInput
        label={`${label} (%), blank for history`}
        min={0}
        max={100}
        value={value.percent}
        onChange={(percent) => set({ ...value, percent })}
      />
      <TextInput
        label="Reason"
        value={value.reason}
        onChange={(event) => set({ ...value, reason: event.currentTarget.value })}
      />
    </Group>
  );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Edit the draft
      </Title>
      <Stack>
        <Select
          label="Check-ins"
          data={[
            { value: 'monthly', label: 'Monthly' },
            { value: 'quarterly', label: 'Quarterly' },
          ]}
          value={cadence}
          onChange={(value) => value && setCadence(value as RepPlan['cadence'])}
          allowDeselect={false}
        />
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
            data={['prospect', 'customer']}
            value={status}
            onChange={setStatus}
          />
        </Group>
        <MultiSelect
          label="Target accounts"
          searchable
          data={[...options].map(([value, label]) => ({ value, label }))}
          value={accountIds}
          onChange={setAccountIds}
        />
        {ratio('Closing ratio', closing, setClosing)}
        {ratio('Meeting → opportunity', meeting, setMeeting)}
        {update.isError && <Alert color="red">{errorMessage(update.error)}</Alert>}
        <Group justify="flex-end">
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                plan,
                patch: {
                  cadence,
                  targetAccountIds: accountIds,
                  funnelInputs: {
                    ...plan.funnelInputs,
                    closingRatio: toOverride(closing),
                    meetingToOpportunityRatio: toOverride(meeting),
                  },
                },
              })
            }
          >
            Save draft
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
