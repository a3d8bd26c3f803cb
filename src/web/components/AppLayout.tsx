import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import {
  AccountsIcon,
  ActivitiesIcon,
  DashboardsIcon,
  DealsIcon,
  ImportIcon,
  KeyAccountsIcon,
  PlanIcon,
  StrategyIcon,
  TeamIcon,
} from './icons';
import { RouteErrorBoundary } from './RouteErrorBoundary';

type NavItem = { label: string; to: string; icon: React.ReactNode; isComingSoon?: boolean };
export type NavSection = { title: string; items: NavItem[] };

const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Sell',
    items: [
      { label: 'Deals', to: '/opportunities', icon: <DealsIcon /> },
      { label: 'Accounts', to: '/accounts', icon: <AccountsIcon /> },
      { label: 'Activities', to: '/activities', icon: <ActivitiesIcon /> },
    ],
  },
  {
    title: 'Plan',
    items: [
      { label: 'My plan', to: '/my-plan', icon: <PlanIcon /> },
      { label: 'Team', to: '/team', icon: <TeamIcon /> },
      { label: 'Strategy', to: '/strategy', icon: <StrategyIcon /> },
      { label: 'Key accounts', to: '/key-accounts', icon: <KeyAccountsIcon /> },
    ],
  },
  {
    title: 'Review',
    items: [
      // The role's own dashboard (rep, team or organisation): /dashboards sends each there.
      { label: 'Dashboards', to: '/dashboards', icon: <DashboardsIcon /> },
      { label: 'Import', to: '/import', icon: <ImportIcon /> },
    ],
  },
];

/**
 * The signed-in frame: header with the user menu, navbar with every area, page in the middle.
 * The app passes the user menu and any role's own sections (an admin's Administration) in, so
 * this shared piece needs no feature.
 */
export function AppLayout({
  userMenu,
  extraSections = [],
  hiddenPaths = [],
}: {
  userMenu: React.ReactNode;
  extraSections?: NavSection[];
  /** Areas this person has no use for (a rep's Team). */
  hiddenPaths?: readonly string[];
}) {
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const sections = [...NAV_SECTIONS, ...extraSections].map((section) => ({
    ...section,
    items: section.items.filter((item) => !hiddenPaths.includes(item.to)),
  }));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text
              component={Link}
              to="/"
              fw={800}
              fz="lg"
              c="blue.8"
              style={{ textDecoration: 'none' }}
            >
              Salesplan
            </Text>
          </Group>
          {userMenu}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          {sections.map((section) => (
            <Stack key={section.title} gap={2} mb="md">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                {section.title}
              </Text>
              {section.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  rightSection={
                    item.isComingSoon ? (
                      <Badge size="xs" variant="light" color="gray">
                        Soon
                      </Badge>
                    ) : undefined
                  }
                  active={location.pathname.startsWith(item.to)}
                  onClick={close}
                  aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
                />
              ))}
            </Stack>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <RouteErrorBoundary>
            <Outlet />
          </RouteErrorBoundary>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
