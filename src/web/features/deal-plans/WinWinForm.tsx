import { useMemo, useState } from 'react';
import { Button, Group, SimpleGrid, Textarea } from '@mantine/core';
import { WinWin } from '../../../schemas/deal-plans';
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
  const [values, setValues] = useState<WinWin>(winWin);
  const [savedFrom, setSavedFrom] = useState<WinWin>(winWin);
  const save = usePlanWrite(opportunityId);
  // Another write (a step, an influence) answers the whole plan: keep what the rep is typing
  // unless the win-win itself changed on the server.
  if (!sameWinWin(savedFrom, winWin)) {
    setSavedFrom(winWin);
    setValues(winWin);
  }
  const isDirty = FIELDS.some(({ key }) => values[key] !== winWin[key]);
  const draft = useMemo(
    (): DraftEdit | null => (isDirty ? (plan) => ({ ...plan, winWin: values }) : null),
    [isDirty, values],
  );
  useReportDraft('win-win', draft);
  const parsed = WinWin.safeParse(values);
  return (
    <PlanSection
      part="winWin"
      title="Win-win"
      hint="What the buyer gains, for the business and for themselves, and what we gain."
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {FIELDS.map(({ key, label, placeholder }) => (
          <Textarea
            key={key}
            label={label}
            placeholder={placeholder}
            autosize
            minRows={2}
            value={values[key]}
            readOnly={!canEdit}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setValues((current) => ({ ...current, [key]: text }));
            }}
          />
        ))}
      </SimpleGrid>
      {canEdit && (
        <Group justify="flex-end" mt="sm" className="no-print">
          {isDirty && (
            <Button variant="default" size="xs" onClick={() => setValues(winWin)}>
              Discard
            </Button>
          )}
          <Button
            size="xs"
            disabled={!isDirty || !parsed.success}
            loading={save.isPending}
            onClick={() => save.mutate({ method: 'PUT', path: '/win-win', body: values })}
          >
            Save win-win
          </Button>
        </Group>
      )}
    </PlanSection>
  );
}
