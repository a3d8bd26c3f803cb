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
import { CheckInRecordInput, type RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useReference } from '../reference/useReference';
import { CheckInPlanChanges } from './CheckInPlanChanges';
import { PlanVsActualTables } from './PlanVsActualTables';
import {
  changedPlanContent,
  type PlanContentDraft,
  planContentDraftOf,
  planContentFieldOf,
  planContentOf,
  planCurrency,
} from './rep-plan-draft';
import { useCheckIn, useRecordCheckIn } from './useCheckIns';

const TEXT_FIELDS = ['discrepancies', 'difficulties', 'adjustments'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type CheckInValues = Record<TextField, string> & { planChanges: PlanContentDraft | null };
const isTextField = (path: string): path is TextField =>
  (TEXT_FIELDS as readonly string[]).includes(path);
const PLAN_CHANGES = 'planChanges.';

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
  const stages = reference.data?.stages ?? [];
  const initialValues: CheckInValues = {
    discrepancies: '',
    difficulties: '',
    adjustments: '',
    planChanges: null,
  };
  const { form, errors, onSubmit, showServerError } = useSchemaForm({
    schema: CheckInRecordInput,
    initialValues,
    toInput: ({ planChanges, ...texts }) => ({
      ...texts,
      ...(planChanges ? { planChanges: planContentOf(planChanges, plan, stages).content } : {}),
    }),
    // The texts at their fields, the plan changes (while agreed) as the draft form shows them.
    fieldOf: (path, values) => {
      if (isTextField(path)) return path;
      if (!values.planChanges || !path.startsWith(PLAN_CHANGES)) return undefined;
      const field = planContentFieldOf(path.slice(PLAN_CHANGES.length));
      return field === undefined ? undefined : `${PLAN_CHANGES}${field}`;
    },
    check: ({ planChanges }) =>
      planChanges
        ? Object.fromEntries(
            Object.entries(planContentOf(planChanges, plan, stages).errors).map(
              ([field, reason]) => [`${PLAN_CHANGES}${field}`, reason],
            ),
          )
        : {},
  });
  const changes = form.values.planChanges;
  const isHeld = checkIn.data?.status === 'held';
  const field = (name: TextField, label: string, props: Partial<TextareaProps> = {}) => (
    <Textarea
      label={label}
      autosize
      minRows={2}
      readOnly={isHeld}
      value={isHeld ? (checkIn.data?.[name] ?? '') : form.values[name]}
      onChange={(event) => form.setFieldValue(name, event.currentTarget.value)}
      error={errors[name]}
      {...props}
    />
  );
  if (checkInId === null) return null;

  // Only the parts that differ from the plan go to the API, so the revision says what changed.
  const submit = onSubmit(({ planChanges, ...texts }) =>
    record.mutate(
      {
        checkInId,
        input: {
          ...texts,
          ...(planChanges ? { planChanges: changedPlanContent(plan, planChanges, stages) } : {}),
        },
      },
      {
        onSuccess: (held) => {
          const next = plan.checkIns.find((c) => c.status === 'due' && c.id !== held.id);
          const then = next
            ? ` The next check-in is due ${formatDay(next.dueOn)}.`
            : ' It was the last check-in of the year.';
          notifications.show({
            color: 'teal',
            title: held.resultingVersionNumber === null ? 'Check-in recorded' : 'Plan revised',
            message:
              held.resultingVersionNumber === null
                ? `Plan vs actual is kept as of ${formatDay(held.planVsActual.asOf)}.${then}`
                : `The agreed changes are kept as version ${held.resultingVersionNumber}.${then}`,
          });
          onClose();
        },
        onError: showServerError,
      },
    ),
  );

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
            Plan vs actual as of {formatDay(checkIn.data.planVsActual.asOf)}
          </Text>
          <PlanVsActualTables checkIn={checkIn.data} currency={planCurrency(plan)} />
          {checkIn.data.warnings.map((warning) => (
            <Alert key={warning} color={checkIn.data.canRecord ? 'yellow' : 'blue'}>
              {warning}
            </Alert>
          ))}
          {field('discrepancies', 'Discrepancies')}
          {field('difficulties', 'Difficulties')}
          {!isHeld && canRevise && (
            <Switch
              label="Agree plan changes (makes a revised version)"
              checked={changes !== null}
              onChange={(event) =>
                form.setFieldValue(
                  'planChanges',
                  event.currentTarget.checked ? planContentDraftOf(plan) : null,
                )
              }
            />
          )}
          {!isHeld && changes && (
            <CheckInPlanChanges
              plan={plan}
              value={changes}
              onChange={(next) => form.setFieldValue('planChanges', next)}
              errorAt={(path) => errors[`${PLAN_CHANGES}${path}`]}
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
          {errors._form && <Alert color="red">{errors._form}</Alert>}
          {!isHeld && (
            <Group justify="flex-end">
              <Button
                loading={record.isPending}
                disabled={!checkIn.data.canRecord}
                onClick={() => submit()}
              >
                Record check-in
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
