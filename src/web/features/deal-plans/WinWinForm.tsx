import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Group, SimpleGrid, Textarea, Tooltip } from '@mantine/core';
import { WinWin } from '../../../schemas/deal-plans';
import { ConflictAlert, isConflict, plainTextOf } from '../../components/ConflictAlert';
import { useSchemaForm } from '../../components/useSchemaForm';
import { type DraftEdit, useReportDraft } from './plan-draft';
import { PlanSection } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

const FIELDS: { key: keyof WinWin; label: string; placeholder: string }[] = [
  {
    key: 'buyerResult',
    label: "Buyer's business result",
    placeholder: 'e.g. cut fleet downtime by 15%',
  },
  {
    key: 'buyerPersonalWin',
    label: "Buyer's personal win",
    placeholder: 'e.g. the COO is seen to deliver on the cost plan',
  },
  { key: 'ourWin', label: 'Our win', placeholder: 'e.g. a three-year contract and a reference' },
];

const TEXT_LABELS = Object.fromEntries(FIELDS.map(({ key, label }) => [key, label]));

const sameWinWin = (a: WinWin, b: WinWin) => FIELDS.every(({ key }) => a[key] === b[key]);

/** Both sides of the win-win; saved together. */
export function WinWinForm({
  opportunityId,
  winWin,
  canEdit,
}: {
  opportunityId: string;
  winWin: WinWin;
  canEdit: boolean;
}) {
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: WinWin,
    initialValues: winWin,
    toInput: (values) => values,
  });
  const save = usePlanWrite(opportunityId);
  // What the rep last tried to save: after a conflict the form shows the other version.
  const submitted = useRef<WinWin | null>(null);
  // Another write (a step, an influence) answers the whole plan: keep what the rep is typing
  // unless the win-win itself changed on the server.
  const savedFrom = useRef(winWin);
  useEffect(() => {
    if (sameWinWin(savedFrom.current, winWin)) return;
    savedFrom.current = winWin;
    form.setValues(winWin);
  }, [winWin, form]);
  const values = form.values;
  const isDirty = FIELDS.some(({ key }) => values[key] !== winWin[key]);
  const draft = useMemo(
    (): DraftEdit | null => (isDirty ? (plan) => ({ ...plan, winWin: values }) : null),
    [isDirty, values],
  );
  useReportDraft('win-win', draft);
  return (
    <PlanSection
      part="winWin"
      title="Win-win"
      hint="What the buyer gains, for the business and for themselves, and what we gain."
    >
      <form
        onSubmit={onSubmit((body) => {
          submitted.current = body;
          save.mutate(
            { method: 'PUT', path: '/win-win', body },
            {
              onError: (error) => {
                if (!isConflict(error)) showServerError(error);
              },
            },
          );
        })}
        noValidate
        aria-label="Win-win"
      >
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {FIELDS.map(({ key, label, placeholder }) => (
            <Textarea
              key={key}
              label={label}
              placeholder={placeholder}
              autosize
              minRows={2}
              readOnly={!canEdit}
              {...form.getInputProps(key)}
            />
          ))}
        </SimpleGrid>
        <ConflictAlert
          error={save.error}
          what="plan"
          textOf={() => plainTextOf(submitted.current ?? values, TEXT_LABELS)}
          // The write already put their version on screen.
          onReload={() => undefined}
        />
        {formError && (
          <Alert color="red" variant="light" role="alert" mt="sm">
            {formError}
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end" mt="sm" className="no-print">
            {isDirty && (
              <Button variant="default" size="xs" onClick={() => form.setValues(winWin)}>
                Discard
              </Button>
            )}
            {/* Not `disabled`: a disabled button takes no focus and shows no tooltip to say why. */}
            <Tooltip label="Nothing changed yet: edit the win-win to save it" disabled={isDirty}>
              <Button
                size="xs"
                type="submit"
                data-disabled={!isDirty || undefined}
                aria-disabled={!isDirty}
                onClick={(event) => !isDirty && event.preventDefault()}
                loading={save.isPending}
              >
                Save win-win
              </Button>
            </Tooltip>
          </Group>
        )}
      </form>
    </PlanSection>
  );
}
