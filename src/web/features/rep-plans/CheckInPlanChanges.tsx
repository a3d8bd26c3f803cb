import { Fieldset, Stack, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import type { FieldErrors } from '../../components/form-errors';
import { useReference } from '../reference/useReference';
import { FunnelOverrideFields } from './FunnelOverrideFields';
import { QualitativeFields } from './QualitativeFields';
import {
  fieldErrorsUnder,
  firstErrorUnder,
  type PlanChangesDraft,
  planCurrency,
  qualitativeRowsOf,
} from './rep-plan-draft';
import { TargetAccountPicker } from './TargetAccountPicker';

/**
 * The plan changes agreed at a check-in: target accounts (and so the activity plan), funnel
 * overrides with their reasons, the qualitative part. Recording them freezes a revised version.
 */
export function CheckInPlanChanges({
  plan,
  value,
  onChange,
  errors,
}: {
  plan: RepPlan;
  value: PlanChangesDraft;
  onChange: (next: PlanChangesDraft) => void;
  /** Keyed like the plan's own fields (`funnelInputs.closingRatio.reason`). */
  errors: FieldErrors;
}) {
  const reference = useReference();
  const rows = value.rows ?? qualitativeRowsOf(plan.qualitative, reference.data?.stages ?? []);
  return (
    <Fieldset legend="Agreed plan changes" aria-label="Agreed plan changes">
      <Stack>
        <Text size="sm" c="dimmed">
          Targets come from the cascade; the activity plan follows the target accounts and the norms
          of their segment and status.
        </Text>
        <TargetAccountPicker
          plan={plan}
          value={value.accountIds}
          onChange={(accountIds) => onChange({ ...value, accountIds })}
          error={firstErrorUnder(errors, 'targetAccountIds')}
        />
        <Title order={4} size="h6">
          Funnel
        </Title>
        <FunnelOverrideFields
          value={value.funnel}
          onChange={(funnel) => onChange({ ...value, funnel })}
          currency={planCurrency(plan)}
          errors={fieldErrorsUnder(errors, 'funnelInputs.')}
        />
        <Title order={4} size="h6">
          Qualitative part
        </Title>
        <QualitativeFields
          rows={rows}
          onChange={(next) => onChange({ ...value, rows: next })}
          error={firstErrorUnder(errors, 'qualitative')}
        />
      </Stack>
    </Fieldset>
  );
}
