import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useReference, useUsers } from '../reference/useReference';
import { useCurrentFiscalYear, useSession } from '../session/useSession';
import { PlanDocumentActions } from '../plan-format/PlanDocumentActions';
import { StrategyForm } from './StrategyForm';
import { StrategySummary } from './StrategyPanel';
import { StrategyReadView } from './StrategyReadView';
import { strategyKey, useStrategy } from './useStrategy';

// The year in the URL (`?year=`), by default the fiscal year running today.
function useYear() {
  const [params, setParams] = useSearchParams();
  const currentYear = useCurrentFiscalYear();
  const picked = Number(params.get('year'));
  const isPicked = Number.isInteger(picked) && picked >= 2000 && picked <= 2100;
  const year = isPicked ? picked : currentYear;
  const choices = [...new Set([currentYear - 1, currentYear, currentYear + 1, year])].sort(
    (a, b) => a - b,
  );
  return {
    year,
    choices,
    setYear: (next: number) => setParams({ year: String(next) }, { replace: true }),
  };
}

/** The organisation strategy for a fiscal year: leaders and admins set it, everyone reads it. */
export function StrategyPage() {
  const { year, choices, setYear } = useYear();
  const session = useSession();
  const role = session.data?.user.role;
  const canEdit = role === 'leader' || role === 'admin';
  const strategy = useStrategy(year);
  const isNew = strategy.data === null;
  // A first strategy starts from the year before, when there is one.
  const seed = useStrategy(year - 1, { enabled: canEdit && isNew });
  const reference = useReference();
  const users = useUsers();

  const isLoading =
    strategy.isPending ||
    reference.isPending ||
    session.isPending ||
    (canEdit && isNew && seed.isPending);
  const failure = strategy.error ?? reference.error;
  const reps = new Map(
    (users.data?.items ?? []).filter((u) => u.isActive).map((u) => [u.id, u.name]),
  );
  for (const a of strategy.data?.assignments ?? [])
    if (!reps.has(a.repId)) reps.set(a.repId, a.repName);

  const form = canEdit && reference.data && strategy.data !== undefined && (
    <StrategyForm
      key={`${year}:${strategy.data?.version ?? 'new'}`}
      year={year}
      strategy={strategy.data}
      seed={seed.data ?? null}
      currency={session.data?.organisation.currency ?? 'EUR'}
      reference={reference.data}
      reps={[...reps].map(([value, label]) => ({ value, label }))}
      isReadOnly={!canEdit}
    />
  );
  const summary = strategy.data && <StrategySummary strategy={strategy.data} />;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Strategy {year}</Title>
        <Group gap="xs" align="flex-start">
          <PlanDocumentActions
            documentPath={`/api/strategies/${year}/document`}
            fileName={`strategy-${year}`}
            canImport={canEdit}
            refreshKeys={[strategyKey(year), ['rep-plans'], ['team-plans']]}
            importNote="Sets this year's strategy and the segments' norms from a strategy JSON file"
          />
          <Select
            aria-label="Fiscal year"
            w={120}
            data={choices.map(String)}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
          />
        </Group>
      </Group>
      {isLoading && !failure && <DetailSkeleton />}
      {failure && <ErrorAlert error={failure} />}
      {!isLoading && !failure && isNew && !canEdit && (
        <Text c="dimmed">No strategy is set for {year}. A sales leader or an admin sets it.</Text>
      )}
      {!isLoading && !failure && isNew && canEdit && (
        <Alert color="blue" variant="light">
          No strategy is set for {year} yet.{' '}
          {seed.data
            ? `The form starts from the ${year - 1} strategy; nothing is saved until you create it.`
            : 'Fill in the form and create it.'}
        </Alert>
      )}
      {!isLoading && !failure && canEdit && (
        <>
          {form}
          {summary}
        </>
      )}
      {!isLoading && !failure && !canEdit && strategy.data && reference.data && session.data && (
        <StrategyReadView
          strategy={strategy.data}
          reference={reference.data}
          role={session.data.user.role}
          userId={session.data.user.id}
        />
      )}
    </Stack>
  );
}
