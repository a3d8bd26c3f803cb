import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../../schemas/session';
import { useSession, useSignOut } from '../features/session/useSession';
import {
  AccountsIcon,
  ActivitiesIcon,
  DashboardsIcon,
  DealsIcon,
  ImportIcon,
  KeyAccountsIcon,
  KeyIcon,
  PlanIcon,
  SignOutIcon,
  StrategyIcon,
  TeamIcon,
} from './icons';

type NavItem = { label: string; to: string; icon: React.ReactNode; isComingSoon?: boolean };

const NAV_SECTIONS: { title: string; items: NavItem[] }[] = [
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
      { label: 'Key accounts', to: '/key-accounts', icon: <KeyAccountsIcon />, isComingSoon: true },
    ],
  },
  {
    title: 'Review',
    items: [
      { label: 'Dashboards', to: '/dashboards', icon: <DashboardsIcon />, isComingSoon: true },
      { label: 'Import', to: '/import', icon: <ImportIcon /> },
    ],
  },
];

export const ROLE_LABELS: Record<Role, string> = {
  rep: 'Sales rep',
  manager: 'Manager',
  leader: 'Sales leader',
  admin: 'Admin',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const me = session.data;
  if (!me) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.user.name}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md">
              {initials(me.user.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {ROLE_LABELS[me.user.role]} · {me.organisation.name}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.name} ({ROLE_LABELS[me.user.role]})
          <br />
          {me.user.email}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>Settings</Menu.Label>
        <Menu.Item component={Link} to="/settings/api-tokens" leftSection={<KeyIcon size={16} />}>
          API tokens
        </Menu.Item>
        {me.user.role === 'admin' && (
          <Menu.Item component={Link} to="/settings/exchange-rates">
            Exchange rates
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<SignOutIcon size={16} />}
          onClick={() =>
            signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header with the user menu, navbar with every area, page in the middle. */
export function AppLayout() {
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
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
              to="/opportunities"
              fw={800}
              fz="lg"
              c="blue.7"
              style={{ textDecoration: 'none' }}
            >
              Salesplan
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_SECTIONS.map((section) => (
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
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
