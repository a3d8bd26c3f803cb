import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Text,
  Textarea,
  type TextareaProps,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CheckInRecordInput, RepPlan } from '../../../schemas/rep-plans';
import type { FieldErrors } from '../../components/form-errors';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useReference } from '../reference/useReference';
import { CheckInPlanChanges } from './CheckInPlanChanges';
import { PlanVsActualTables } from './PlanVsActualTables';
import {
  fieldErrorsUnder,
  parsePlanChanges,
  type PlanChangesDraft,
  planChangesDraftOf,
  planContentErrors,
  planCurrency,
} from './rep-plan-draft';
import { useCheckIn, useRecordCheckIn } from './useCheckIns';

const TEXT_FIELDS = ['discrepancies', 'difficulties', 'adjustments'] as const;
type Texts = Record<(typeof TEXT_FIELDS)[number], string>;

/**
 * The check-in form: plan vs actual with discrepancies in red, then what was said and agreed.
 * The manager may record agreed plan changes with it; the API then freezes a revised version.
 */
export function CheckInForm({
  plan,
  checkInId,
  canRevise,
  onClose,
}: {
  plan: RepPlan;
  checkInId: string | null;
  /** The plan's manager, on an agreed or revised plan: revisions come only from them. */
  canRevise: boolean;
  onClose: () => void;
}) {
  const checkIn = useCheckIn(plan.id, checkInId);
  const record = useRecordCheckIn(plan.id);
  const reference = useReference();
  const [texts, setTexts] = useState<Texts>({
    discrepancies: '',
    difficulties: '',
    adjustments: '',
  });
  const [changes, setChanges] = useState<PlanChangesDraft | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const isHeld = checkIn.data?.status === 'held';
  const serverErrors = record.isError
    ? planContentErrors(record.error, 'planChanges.', TEXT_FIELDS)
    : {};
  const changeErrors = { ...fieldErrorsUnder(serverErrors, 'planChanges.'), ...localErrors };
  const field = (name: keyof Texts, label: string, props: Partial<TextareaProps> = {}) => (
    <Textarea
      label={label}
      autosize
      minRows={2}
      readOnly={isHeld}
      value={isHeld ? (checkIn.data?.[name] ?? '') : texts[name]}
      onChange={(event) => setTexts({ ...texts, [name]: event.currentTarget.value })}
      error={serverErrors[name]}
      {...props}
    />
  );
  if (checkInId === null) return null;

  const submit = () => {
    let planChanges: CheckInRecordInput['planChanges'];
    if (changes) {
      const parsed = parsePlanChanges(plan, changes, reference.data?.stages ?? []);
      if (!parsed.ok) {
        setLocalErrors(
          Object.fromEntries(
            Object.entries(parsed.errors).map(([name, reason]) => [`funnelInputs.${name}`, reason]),
          ),
        );
        return;
      }
      planChanges = parsed.value;
    }
    setLocalErrors({});
    record.mutate(
      { checkInId, input: { ...texts, ...(planChanges ? { planChanges } : {}) } },
      {
        onSuccess: (held) => {
          if (held.resultingVersionNumber !== null) {
            notifications.show({
              color: 'teal',
              title: 'Plan revised',
              message: `The agreed changes are kept as version ${held.resultingVersionNumber}.`,
            });
          }
          onClose();
        },
      },
    );
  };

  return (
    <Card withBorder padding="md" mb="md" aria-label="Check-in">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Check-in
        </Title>
        <Button variant="subtle" size="xs" onClick={onClose}>
          Close
        </Button>
      </Group>
      {checkIn.isPending && <DetailSkeleton />}
      {checkIn.isError && <ErrorAlert error={checkIn.error} />}
      {checkIn.data && (
        <Stack>
          <Text size="sm" c="dimmed">
            Plan vs actual as of {checkIn.data.planVsActual.asOf}
          </Text>
          <PlanVsActualTables checkIn={checkIn.data} currency={planCurrency(plan)} />
          {field('discrepancies', 'Discrepancies')}
          {field('difficulties', 'Difficulties')}
          {!isHeld && canRevise && (
            <Switch
              label="Agree plan changes (makes a revised version)"
              checked={changes !== null}
              onChange={(event) =>
                setChanges(event.currentTarget.checked ? planChangesDraftOf(plan) : null)
              }
            />
          )}
          {!isHeld && changes && (
            <CheckInPlanChanges
              plan={plan}
              value={changes}
              onChange={setChanges}
              errors={changeErrors}
            />
          )}
          {field(
            'adjustments',
            'Agreed adjustments',
            changes ? { withAsterisk: true, description: 'Say what was agreed and why.' } : {},
          )}
          {isHeld && checkIn.data.resultingVersionNumber !== null && (
            <Text size="sm">
              This check-in revised the plan: version {checkIn.data.resultingVersionNumber}.
            </Text>
          )}
          {serverErrors._form && <Alert color="red">{serverErrors._form}</Alert>}
          {!isHeld && (
            <Group justify="flex-end">
              <Button loading={record.isPending} onClick={submit}>
                Record check-in
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
