import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  Group,
  luminance,
  MantineProvider,
  Modal,
  MultiSelect,
  Notification,
  Select,
  Table,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Navigate, Route, Routes } from 'react-router';
import { canImport, carriesQuota } from '../domain/roles';
import { ApiError } from './api/client';
import { AppLayout } from './components/AppLayout';
import { AccountDetailPage } from './features/accounts/AccountDetailPage';
import { AccountFormPage } from './features/accounts/AccountFormPage';
import { AccountListPage } from './features/accounts/AccountListPage';
import { AdminPage, useAdminNavSections } from './features/admin/AdminPage';
import { ActivityListPage } from './features/activities/ActivityListPage';
import { NotFoundPage } from './features/coming-soon/ComingSoonPage';
import { KeyAccountsPage } from './features/key-accounts/KeyAccountsPage';
import { KeyAccountPlanPage } from './features/key-accounts/KeyAccountPlanPage';
import { DashboardHome } from './features/dashboards/DashboardHome';
import { OrganisationDashboardPage } from './features/dashboards/OrganisationDashboardPage';
import { RepDashboardPage } from './features/dashboards/RepDashboardPage';
import { TeamDashboardPage } from './features/dashboards/TeamDashboardPage';
import { DealPlanPage } from './features/deal-plans/DealPlanPage';
import { ExchangeRatesPage } from './features/exchange-rates/ExchangeRatesPage';
import { ImportPage } from './features/import/ImportPage';
import { OpportunityDetailPage } from './features/opportunities/OpportunityDetailPage';
import { OpportunityFormPage } from './features/opportunities/OpportunityFormPage';
import { OpportunityListPage } from './features/opportunities/OpportunityListPage';
import { MyPlanPage } from './features/rep-plans/MyPlanPage';
import { TeamPage } from './features/rep-plans/TeamPage';
import { RequireSession } from './features/session/RequireSession';
import { SearchBox } from './features/search/SearchBox';
import { SignInPage } from './features/session/SignInPage';
import { SetPasswordPage } from './features/password-links/SetPasswordPage';
import { UserMenu } from './features/session/UserMenu';
import { SESSION_KEY, useSession } from './features/session/useSession';
import { ApiTokensPage } from './features/settings/ApiTokensPage';
import { CalendarFeedPage } from './features/settings/CalendarFeedPage';
import { StrategyPage } from './features/strategies/StrategyPage';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  // Shade 8 keeps white button labels and blue links above 4.5:1 contrast (WCAG AA); Mantine's
  // default shade 6 gives 3.6:1.
  primaryShade: 8,
  components: {
    // A clear button is an icon: give it a name screen readers can say.
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A notification's close button has a name, and its message reads at AA (gray 7, not 6).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
    MultiSelect: MultiSelect.extend({
      defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } },
    }),
    DateInput: DateInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } }),
    // A table that scrolls sideways can be scrolled from the keyboard.
    TableScrollContainer: Table.ScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

// Mantine's dimmed text and placeholders (gray 6 and 5, 3.3:1 and 2:1 on white) are below AA
// for the small print they are used for; gray 7 reads at 7:1 and still looks secondary. For
// every colour, the filled variant (white text on it: a filled Badge, a Button; also coloured
// text on white) and the light variant's text (on its shade 1 or 2 background) are darkened
// until they read at 4.5:1 or more: orange, yellow, green, teal, lime and cyan need it.
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
function darkenUntil(color: string, background: string): string {
  let amount = 0;
  while (contrast(darken(color, amount), background) < 4.6 && amount < 0.9) amount += 0.05;
  return darken(color, amount);
}
const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Links read at 4.5:1 on white and on a light Alert or Badge (shade 1) too.
    '--mantine-color-anchor': `var(--mantine-color-${theme.primaryColor}-9)`,
    ...Object.fromEntries(
      Object.entries(theme.colors).flatMap(([name, shades]) => {
        const filled = darkenUntil(shades[8] ?? '#000', '#ffffff');
        return [
          [`--mantine-color-${name}-filled`, filled],
          [`--mantine-color-${name}-filled-hover`, darken(filled, 0.1)],
          [`--mantine-color-${name}-outline`, filled],
          [
            `--mantine-color-${name}-light-color`,
            darkenUntil(shades[9] ?? '#000', shades[2] ?? '#fff'),
          ],
        ];
      }),
    ),
  },
  dark: {},
});

/** One client per app (or per test): a 401 anywhere means the session ended, so sign out. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx never helps; retry network and 5xx failures once.
        retry: (failureCount, error) =>
          failureCount < 1 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
    queryCache: new QueryCache({
      onError: (error, query) => onUnauthenticated(error, query.queryKey),
    }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(error, []) }),
  });
  function onUnauthenticated(error: unknown, queryKey: readonly unknown[]) {
    if (!(error instanceof ApiError) || error.status !== 401) return;
    if (queryKey[0] === SESSION_KEY[0]) return;
    // A failed sign-in is a 401 too, and is not a session that ended.
    if (queryClient.getQueryData(SESSION_KEY)) queryClient.setQueryData(SESSION_KEY, null);
  }
  return queryClient;
}

export function AppProviders({
  queryClient,
  env,
  children,
}: {
  queryClient: QueryClient;
  env?: 'default' | 'test';
  children: React.ReactNode;
}) {
  return (
    <MantineProvider theme={theme} env={env} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

/** Every URL of the SPA. Each page inside the layout renders under a RouteErrorBoundary. */
export function AppRoutes() {
  const adminSections = useAdminNavSections();
  const role = useSession().data?.user.role;
  // A rep has no team of their own: no Team in their navigation; leaders and admins carry no
  // quota: no My plan. Only admins and leaders import.
  const hiddenPaths = [
    ...(role === 'rep' ? ['/team'] : []),
    ...(role !== undefined && !carriesQuota(role) ? ['/my-plan'] : []),
    ...(role === undefined || !canImport(role) ? ['/import'] : []),
  ];
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/set-password/:token" element={<SetPasswordPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout
              userMenu={
                <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flex: 1 }}>
                  <SearchBox />
                  <UserMenu />
                </Group>
              }
              extraSections={adminSections}
              hiddenPaths={hiddenPaths}
            />
          </RequireSession>
        }
      >
        <Route index element={<DashboardHome />} />
        <Route path="opportunities" element={<OpportunityListPage />} />
        <Route path="opportunities/new" element={<OpportunityFormPage />} />
        <Route path="opportunities/:opportunityId" element={<OpportunityDetailPage />} />
        <Route path="opportunities/:opportunityId/edit" element={<OpportunityFormPage />} />
        <Route path="opportunities/:opportunityId/plan" element={<DealPlanPage />} />
        <Route path="accounts" element={<AccountListPage />} />
        <Route path="accounts/new" element={<AccountFormPage />} />
        <Route path="accounts/:accountId" element={<AccountDetailPage />} />
        <Route path="accounts/:accountId/edit" element={<AccountFormPage />} />
        <Route path="activities" element={<ActivityListPage />} />
        <Route path="my-plan" element={<MyPlanPage />} />
        <Route path="team" element={<TeamPage />} />
        <Route path="strategy" element={<StrategyPage />} />
        <Route path="key-accounts" element={<KeyAccountsPage />} />
        <Route path="key-accounts/:accountId" element={<KeyAccountPlanPage />} />
        <Route path="dashboards" element={<DashboardHome />} />
        <Route path="dashboards/rep" element={<RepDashboardPage />} />
        <Route path="dashboards/rep/:repId" element={<RepDashboardPage />} />
        <Route path="dashboards/team" element={<TeamDashboardPage />} />
        <Route path="dashboards/team/:managerId" element={<TeamDashboardPage />} />
        <Route path="dashboards/organisation" element={<OrganisationDashboardPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="settings" element={<Navigate to="/settings/api-tokens" replace />} />
        <Route path="settings/api-tokens" element={<ApiTokensPage />} />
        <Route path="settings/calendar" element={<CalendarFeedPage />} />
        <Route path="settings/exchange-rates" element={<ExchangeRatesPage />} />
        <Route path="admin" element={<AdminPage />} />
        <Route path="admin/:section" element={<AdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
