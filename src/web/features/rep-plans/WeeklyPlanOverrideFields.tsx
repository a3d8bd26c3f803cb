import { Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { useActivityTypeWords } from './plan-words';
import type { WeeklyOverrideText } from './rep-plan-draft';

/**
 * The rep's own figure per week for an activity type, instead of the larger of the norms and the
 * funnel; blank follows the plan. A figure needs its reason, which the agreed version keeps.
 */
export function WeeklyPlanOverrideFields({
  plan,
  value,
  onChange,
  errorAt,
}: {
  plan: RepPlan;
  value: Record<string, WeeklyOverrideText>;
  onChange: (next: Record<string, WeeklyOverrideText>) => void;
  /** The message at a field, by its path in the overrides (`first_meeting.reason`). */
  errorAt: (field: string) => string | undefined;
}) {
  const words = useActivityTypeWords();
  const set = (type: string, next: Partial<WeeklyOverrideText>) =>
    onChange({ ...value, [type]: { perWeek: '', reason: '', ...value[type], ...next } });
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Blank follows the plan: the larger of the norms and the funnel.
      </Text>
      {plan.weeklyPlan.map((line) => {
        const name = words.label(line.type);
        const planned = Math.max(line.fromNorms, line.fromFunnel ?? 0);
        return (
          <Group key={line.type} grow align="flex-start">
            <NumberInput
              label={`${name} per week (plan: ${planned})`}
              min={0}
              max={1000}
              allowDecimal={false}
              value={value[line.type]?.perWeek ?? ''}
              onChange={(number) => set(line.type, { perWeek: String(number) })}
              error={errorAt(`${line.type}.perWeek`)}
            />
            <TextInput
              label="Reason"
              aria-label={`Reason for the ${name.toLowerCase()} figure`}
              value={value[line.type]?.reason ?? ''}
              onChange={(event) => set(line.type, { reason: event.currentTarget.value })}
              error={errorAt(`${line.type}.reason`)}
            />
          </Group>
        );
      })}
    </Stack>
  );
}
