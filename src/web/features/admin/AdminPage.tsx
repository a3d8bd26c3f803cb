import { Center, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { NavSection } from '../../components/AppLayout';
import { AdminIcon } from '../../components/icons';
import { NotFoundPage } from '../coming-soon/ComingSoonPage';
import { useSession } from '../session/useSession';
import { ActivityTypesPanel } from './ActivityTypesPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { OrganisationPanel } from './OrganisationPanel';
import { ProductsPanel } from './ProductsPanel';
import { SegmentsPanel } from './SegmentsPanel';
import { StagesPanel } from './StagesPanel';
import { TeamsPanel } from './TeamsPanel';
import { TerritoriesPanel } from './TerritoriesPanel';
import { UsersPanel } from './UsersPanel';

const SECTIONS = [
  { path: 'users', label: 'Users', panel: <UsersPanel /> },
  { path: 'teams', label: 'Teams', panel: <TeamsPanel /> },
  { path: 'territories', label: 'Territories', panel: <TerritoriesPanel /> },
  { path: 'segments', label: 'Segments', panel: <SegmentsPanel /> },
  { path: 'products', label: 'Products', panel: <ProductsPanel /> },
  { path: 'stages', label: 'Pipeline stages', panel: <StagesPanel /> },
  { path: 'activity-types', label: 'Activity types', panel: <ActivityTypesPanel /> },
  { path: 'organisation', label: 'Organisation', panel: <OrganisationPanel /> },
  { path: 'audit-log', label: 'Audit log', panel: <AuditLogPanel /> },
] as const;

/** The navbar's Administration section: for admins only, nothing for anyone else. */
export function useAdminNavSections(): NavSection[] {
  const session = useSession();
  if (session.data?.user.role !== 'admin') return [];
  return [
    { title: 'Admin', items: [{ label: 'Administration', to: '/admin', icon: <AdminIcon /> }] },
  ];
}

/**
 * The admin's pages, one tab each (`/admin/users`, `/admin/stages`, ...). Anyone but an admin
 * gets the app's not-found page: the API would refuse them anyway (403).
 */
export function AdminPage() {
  const session = useSession();
  const { section } = useParams();
  const navigate = useNavigate();
  if (session.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (session.data?.user.role !== 'admin') return <NotFoundPage />;
  const current = SECTIONS.find((candidate) => candidate.path === section);
  if (!current) return <Navigate to="/admin/users" replace />;
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          Administration · {session.data.organisation.name}
        </Text>
        <Title order={1}>{current.label}</Title>
      </div>
      <Tabs
        value={current.path}
        onChange={(value) => {
          if (value) void navigate(`/admin/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Administration">
          {SECTIONS.map((candidate) => (
            <Tabs.Tab key={candidate.path} value={candidate.path}>
              {candidate.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map((candidate) => (
          <Tabs.Panel key={candidate.path} value={candidate.path} pt="md">
            {candidate.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
