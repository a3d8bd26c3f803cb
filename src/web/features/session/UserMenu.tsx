import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../schemas/session';
import { KeyIcon, SignOutIcon } from '../../components/icons';
import { useSession, useSignOut } from './useSession';

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

/** The header's menu of the signed-in user: who, settings, sign out. */
export function UserMenu() {
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
        <Menu.Item component={Link} to="/settings/calendar">
          Calendar feed
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
