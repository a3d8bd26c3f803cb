import { Fieldset, Stack, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { useReference } from '../reference/useReference';
import { FunnelOverrideFields } from './FunnelOverrideFields';
import { QualitativeFields } from './QualitativeFields';
import { type PlanContentDraft, planCurrency, qualitativeRowsShown } from './rep-plan-draft';
import { TargetAccountPicker } from './TargetAccountPicker';

/**
 * The plan changes agreed at a check-in: target accounts (and so the activity plan), funnel
 * overrides with their reasons, the qualitative part. Recording them freezes a revised version.
 */
export function CheckInPlanChanges({
  plan,
  value,
  onChange,
  errorAt,
}: {
  plan: RepPlan;
  value: PlanContentDraft;
  onChange: (next: PlanContentDraft) => void;
  /** The message at a field, by its path in the plan's content (`funnelInputs.closingRatio.reason`). */
  errorAt: (field: string) => string | undefined;
}) {
  const reference = useReference();
  return (
    <Fieldset legend="Agreed plan changes" aria-label="Agreed plan changes">
      <Stack>
        <Text size="sm" c="dimmed">
          Targets come from the cascade; the activity plan follows the target accounts and the norms
          of their segment and status.
        </Text>
        <TargetAccountPicker
          plan={plan}
          value={value.targetAccountIds}
          onChange={(targetAccountIds) => onChange({ ...value, targetAccountIds })}
          error={errorAt('targetAccountIds')}
        />
        <Title order={4} size="h6">
          Funnel
        </Title>
        <FunnelOverrideFields
          value={value.funnelInputs}
          onChange={(funnelInputs) => onChange({ ...value, funnelInputs })}
          currency={planCurrency(plan)}
          errorAt={(field) => errorAt(`funnelInputs.${field}`)}
        />
        <Title order={4} size="h6">
          Qualitative part
        </Title>
        <QualitativeFields
          rows={qualitativeRowsShown(value, plan, reference.data?.stages ?? [])}
          onChange={(qualitative) => onChange({ ...value, qualitative })}
          error={errorAt('qualitative')}
        />
      </Stack>
    </Fieldset>
  );
}
