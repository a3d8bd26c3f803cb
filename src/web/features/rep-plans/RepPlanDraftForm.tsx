import { Alert, Button, Card, Group, Select, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RepPlan, RepPlanPatch } from '../../../schemas/rep-plans';
import { useSchemaForm } from '../../components/useSchemaForm';
import { ConflictAlert, isConflict, plainTextOf } from '../../components/ConflictAlert';
import { useReference } from '../reference/useReference';
import { FunnelOverrideFields } from './FunnelOverrideFields';
import { QualitativeFields } from './QualitativeFields';
import {
  planContentDraftOf,
  type PlanContentDraft,
  planContentFieldOf,
  planContentOf,
  planCurrency,
  qualitativeRowsShown,
} from './rep-plan-draft';
import { TargetAccountPicker } from './TargetAccountPicker';
import { WeeklyPlanOverrideFields } from './WeeklyPlanOverrideFields';
import { useRefreshRepPlan, useUpdateRepPlan } from './useRepPlans';

type DraftValues = { cadence: RepPlan['cadence'] } & PlanContentDraft;

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
  const stages = reference.data?.stages ?? [];
  const initialValues: DraftValues = { cadence: plan.cadence, ...planContentDraftOf(plan) };
  const { form, errors, onSubmit, showServerError } = useSchemaForm({
    schema: RepPlanPatch,
    initialValues,
    toInput: ({ cadence, ...draft }) => ({
      cadence,
      ...planContentOf(draft, plan, stages).content,
    }),
    fieldOf: (path) => (path === 'cadence' ? path : planContentFieldOf(path)),
    check: (draft) => planContentOf(draft, plan, stages).errors,
  });
  const draft = form.values;

  const save = onSubmit((patch) =>
    update.mutate(
      { plan, patch },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Draft saved',
            message: `Next: propose it to ${plan.manager?.name ?? 'your manager'} when it is ready.`,
          }),
        onError: (error) => {
          // A 409 has its own alert with a reload button.
          if (!isConflict(error)) showServerError(error);
        },
      },
    ),
  );

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
          value={draft.cadence}
          onChange={(value) => value && form.setFieldValue('cadence', value as RepPlan['cadence'])}
          allowDeselect={false}
          error={errors.cadence}
        />
        <TargetAccountPicker
          plan={plan}
          value={draft.targetAccountIds}
          onChange={(ids) => form.setFieldValue('targetAccountIds', ids)}
          error={errors.targetAccountIds}
        />
        <Title order={3} size="h5">
          Funnel
        </Title>
        <FunnelOverrideFields
          value={draft.funnelInputs}
          onChange={(funnelInputs) => form.setFieldValue('funnelInputs', funnelInputs)}
          currency={currency}
          errorAt={(field) => errors[`funnelInputs.${field}`]}
        />
        <Title order={3} size="h5">
          Weekly plan: your own figures
        </Title>
        <WeeklyPlanOverrideFields
          plan={plan}
          value={draft.weeklyPlanOverrides}
          onChange={(next) => form.setFieldValue('weeklyPlanOverrides', next)}
          errorAt={(field) => errors[`weeklyPlanOverrides.${field}`]}
        />
        <Title order={3} size="h5">
          Qualitative part
        </Title>
        <QualitativeFields
          rows={qualitativeRowsShown(draft, plan, stages)}
          onChange={(rows) => form.setFieldValue('qualitative', rows)}
          error={errors.qualitative}
        />
        <ConflictAlert
          error={update.error}
          what="plan"
          textOf={() => plainTextOf(form.values)}
          onReload={() => refresh(plan.id)}
        />
        {errors._form && <Alert color="red">{errors._form}</Alert>}
        <Group justify="flex-end">
          <Button loading={update.isPending} onClick={() => save()}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
