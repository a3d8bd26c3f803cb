import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { STANDING_RULE } from '../../../domain/standing';
import type { OrganisationDashboard } from '../../../schemas/dashboards';
import { toQueryString } from '../../api/client';
import { formatDay } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useSession } from '../session/useSession';
import { AttainmentSection } from './AttainmentSection';
import { DashboardFiltersBar } from './DashboardFiltersBar';
import { DashboardSection, UnconvertedNote } from './DashboardSection';
import { COVERAGE_SUBJECTS, opportunitiesLink, repDashboardLink } from './dashboard-format';
import { CreatedPerMonthSection, SegmentMixSection } from './OrganisationCharts';
import { AttainmentRowsTable, WonBySection } from './OrganisationTables';
import { OutlierList } from './OutlierList';
import { PipelineSection } from './PipelineSection';
import { useDashboardFilters } from './useDashboardFilters';
import { useOrganisationDashboard } from './useDashboards';
import './dashboard.css';
import { PrintHeader } from '../print/PrintHeader';

function OrganisationFigures({
  dashboard,
  filters,
}: {
  dashboard: OrganisationDashboard;
  filters: ReturnType<typeof useDashboardFilters>['filters'];
}) {
  const { currency, today, period } = dashboard;
  // The dashboard's filters as the opportunity list spells them (a rep is an owner there).
  const listFilters = {
    managerId: filters.managerId,
    ownerId: filters.repId,
    segmentId: filters.segmentId,
    productId: filters.productId,
    territoryId: filters.territoryId,
  };
  const { from: _from, to: _to, ...scope } = filters;
  const periodOnly = { from: filters.from, to: filters.to };
  return (
    <>
      <UnconvertedNote unconverted={dashboard.unconverted} />
      <DashboardSection
        title="Conversion outliers"
        description="Reps whose win rate on a product stands out from the rest"
      >
        <OutlierList outliers={dashboard.outliers} period={period} />
      </DashboardSection>
      <AttainmentSection
        panel={dashboard.attainment}
        currency={currency}
        today={today}
        wonLink={opportunitiesLink({
          ...listFilters,
          status: 'won',
          closedFrom: dashboard.attainment.yearFrom,
          closedTo: today,
        })}
      />
      <PipelineSection
        panel={dashboard.pipeline}
        currency={currency}
        subject={filters.managerId ? COVERAGE_SUBJECTS.team : COVERAGE_SUBJECTS.organisation}
        filters={listFilters}
      />
      <SegmentMixSection dashboard={dashboard} filters={listFilters} />
      <WonBySection dashboard={dashboard} filters={listFilters} />
      <CreatedPerMonthSection dashboard={dashboard} filters={listFilters} />
      <DashboardSection
        title="Attainment per team"
        description={`Each manager's team against its seasonal target to date; a team opens the dashboard filtered to it. ${STANDING_RULE}`}
      >
        <AttainmentRowsTable
          label="Attainment per team"
          nameHeader="Team (manager)"
          rows={dashboard.teams}
          currency={currency}
          linkOf={(team) =>
            `/dashboards/organisation${toQueryString({ ...periodOnly, ...scope, repId: undefined, managerId: team.id })}`
          }
        />
      </DashboardSection>
      <DashboardSection
        title="Attainment per rep"
        description={`A rep opens their dashboard. ${STANDING_RULE}`}
      >
        <AttainmentRowsTable
          label="Attainment per rep"
          nameHeader="Rep"
          rows={dashboard.reps}
          currency={currency}
          linkOf={(rep) => repDashboardLink(rep.id)}
        />
      </DashboardSection>
    </>
  );
}

/**
 * The organisation's dashboard (for a manager, their team's) under filters kept in the URL:
 * attainment, pipeline, segment mix, won revenue, created deals, outliers, teams and reps.
 */
export function OrganisationDashboardPage() {
  const session = useSession();
  const { filters, setFilters, clearFilters, hasFilters } = useDashboardFilters();
  const dashboard = useOrganisationDashboard(filters);
  const isManager = session.data?.user.role === 'manager';
  return (
    <Stack className="dashboard">
      <PrintHeader title="Organisation dashboard" />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>
            {isManager ? 'Organisation dashboard: my team' : 'Organisation dashboard'}
          </Title>
          <Text c="dimmed">
            {dashboard.data
              ? `Period ${formatDay(dashboard.data.period.from)} – ${formatDay(dashboard.data.period.to)} · fiscal year ${dashboard.data.fiscalYear} · amounts in ${dashboard.data.currency}`
              : 'Loading the figures…'}
          </Text>
        </div>
        {filters.managerId && (
          <Anchor
            component={Link}
            to={`/dashboards/team/${filters.managerId}`}
            className="no-print"
          >
            Open this team's dashboard
          </Anchor>
        )}
      </Group>
      <DashboardFiltersBar
        filters={filters}
        onChange={setFilters}
        onClear={clearFilters}
        hasFilters={hasFilters}
      />
      {dashboard.isPending && <DetailSkeleton />}
      {dashboard.isError && (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      )}
      {dashboard.data && (
        <div style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
          <Stack>
            <OrganisationFigures dashboard={dashboard.data} filters={filters} />
          </Stack>
        </div>
      )}
    </Stack>
  );
}
