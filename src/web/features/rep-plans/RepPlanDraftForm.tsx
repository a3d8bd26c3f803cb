import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { ApiError, errorMessage } from '../../api/client';
import type { FieldErrors } from '../../components/form-errors';
import { useReference } from '../reference/useReference';
import { FunnelOverrideFields } from './FunnelOverrideFields';
import { QualitativeFields } from './QualitativeFields';
import {
  fieldErrorsUnder,
  firstErrorUnder,
  funnelOverrideDraftOf,
  parseFunnelOverrideDraft,
  planContentErrors,
  planCurrency,
  qualitativeOf,
  qualitativeRowsOf,
  type QualitativeRow,
} from './rep-plan-draft';
import { TargetAccountPicker } from './TargetAccountPicker';
import { useRefreshRepPlan, useUpdateRepPlan } from './useRepPlans';

/**
 * Editing a draft: cadence, target accounts (the rep's, by segment and status), funnel overrides
 * and the qualitative part. The form is keyed by the plan's version, so a save or a reload
 * starts it again from what the server holds.
 */
export function RepPlanDraftForm({ plan }: { plan: RepPlan }) {
  const reference = useReference();
  const update = useUpdateRepPlan();
  const refresh = useRefreshRepPlan();
  const currency = planCurrency(plan);
  const [cadence, setCadence] = useState(plan.cadence);
  const [accountIds, setAccountIds] = useState(plan.targetAccounts.map((a) => a.accountId));
  const [funnel, setFunnel] = useState(() => funnelOverrideDraftOf(plan.funnelInputs, currency));
  // The stages arrive with the reference lists: until the first edit, rows follow them.
  const [editedRows, setEditedRows] = useState<QualitativeRow[] | null>(null);
  const rows = editedRows ?? qualitativeRowsOf(plan.qualitative, reference.data?.stages ?? []);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const isConflict = update.error instanceof ApiError && update.error.status === 409;
  const errors: FieldErrors = update.isError && !isConflict ? planContentErrors(update.error) : {};
  const funnelErrors = { ...fieldErrorsUnder(errors, 'funnelInputs.'), ...localErrors };

  const save = () => {
    const funnelInputs = parseFunnelOverrideDraft(funnel, currency);
    if (!funnelInputs.ok) {
      setLocalErrors(funnelInputs.errors);
      return;
    }
    setLocalErrors({});
    update.mutate({
      plan,
      patch: {
        cadence,
        targetAccountIds: accountIds,
        funnelInputs: funnelInputs.value,
        qualitative: qualitativeOf(rows),
      },
    });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-label="Edit the draft">
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
          error={errors.cadence}
        />
        <TargetAccountPicker
          plan={plan}
          value={accountIds}
          onChange={setAccountIds}
          error={firstErrorUnder(errors, 'targetAccountIds')}
        />
        <Title order={3} size="h5">
          Funnel
        </Title>
        <FunnelOverrideFields
          value={funnel}
          onChange={setFunnel}
          currency={currency}
          errors={funnelErrors}
        />
        <Title order={3} size="h5">
          Qualitative part
        </Title>
        <QualitativeFields
          rows={rows}
          onChange={setEditedRows}
          error={firstErrorUnder(errors, 'qualitative')}
        />
        {isConflict && (
          <Alert color="orange" title="The plan changed since you opened it">
            <Group justify="space-between">
              <span>{errorMessage(update.error)}</span>
              <Button size="xs" variant="white" color="orange" onClick={() => refresh(plan.id)}>
                Reload
              </Button>
            </Group>
          </Alert>
        )}
        {errors._form && <Alert color="red">{errors._form}</Alert>}
        <Group justify="flex-end">
          <Button loading={update.isPending} onClick={save}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
