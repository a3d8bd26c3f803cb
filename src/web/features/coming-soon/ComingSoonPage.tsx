import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export type ComingSoonArea = 'my-plan' | 'team' | 'key-accounts' | 'dashboards' | 'import';

type AreaDescription = {
  title: string;
  summary: string;
  features: string[];
  meanwhile: { label: string; to: string; why: string }[];
};

// What each area will hold, in DOMAIN.md's words, and where to work until it ships.
const AREAS: Record<ComingSoonArea, AreaDescription> = {
  'my-plan': {
    title: 'My plan',
    summary:
      'Your rep plan for the fiscal year: the targets you agreed with your manager and the activity it takes to reach them.',
    features: [
      'Targets per segment from the strategy cascade, weighted by seasonality month by month',
      'Target accounts and the activity plan their segment norms call for, checked against your selling hours',
      'The reverse-engineered funnel: deals to win, opportunities needed and first meetings per week',
      'Plan states draft → proposed → agreed → revised, and monthly or quarterly check-ins',
    ],
    meanwhile: [
      { label: 'Deals', to: '/opportunities?status=open', why: 'your open pipeline' },
      { label: 'Activities', to: '/activities?status=planned', why: 'what you have planned' },
    ],
  },
  team: {
    title: 'Team',
    summary: "Your team's rep plans side by side, and the team sales & marketing plan.",
    features: [
      'Each rep plan with its state, and the check-ins that are due or overdue',
      'Plan vs actual per activity type and per target, with the discrepancies to discuss',
      'The team sales & marketing plan: business objectives, goals and tactical activities with owners and metrics',
    ],
    meanwhile: [
      { label: 'Deals', to: '/opportunities', why: 'filter by owner to review one rep' },
      { label: 'Activities', to: '/activities', why: 'filter by owner and date range' },
    ],
  },
  'key-accounts': {
    title: 'Key accounts',
    summary: 'The accounts with the most potential, and a key-account plan for each.',
    features: [
      'A potential score per account from weighted criteria; the top 10% proposed for a leader to confirm',
      'Key-account plans: opportunities, relationships, short- and long-term objectives and an action sequence',
      'Benchmarks with baseline, target and actual, and the commitment signed by rep and manager',
    ],
    meanwhile: [{ label: 'Accounts', to: '/accounts?status=customer', why: 'your customers' }],
  },
  dashboards: {
    title: 'Dashboards',
    summary: 'Pipeline, coverage, win rate and attainment for you, your team or the organisation.',
    features: [
      'Pipeline: open count, value, weighted value, age, stage distribution, stale and slipping deals',
      'Coverage of the remaining target, against the rep’s own closing ratio',
      'Win rate, average won deal and median sales cycle; conversion outliers per product',
      'Attainment: won revenue vs the seasonally weighted target, planned vs done activities',
    ],
    meanwhile: [
      { label: 'Won deals', to: '/opportunities?status=won', why: 'closed won' },
      { label: 'Lost deals', to: '/opportunities?status=lost', why: 'closed lost' },
    ],
  },
  import: {
    title: 'Import',
    summary: 'Bring accounts, contacts, products, opportunities and activities in from a CSV file.',
    features: [
      'Upload a CSV, map its columns, and preview the rows before anything is saved',
      'Rows matched by external ID, so a second import updates instead of duplicating',
      'A report of every row that was refused, with the field and the reason',
    ],
    meanwhile: [
      {
        label: 'API tokens',
        to: '/settings/api-tokens',
        why: 'load data with a script through the API',
      },
      { label: 'New account', to: '/accounts/new', why: 'add one by hand' },
    ],
  },
};

/** A real page for an area that is not built yet: what will be there, and what to use now. */
export function ComingSoonPage({ area }: { area: ComingSoonArea }) {
  const description = AREAS[area];
  return (
    <Stack gap="lg" maw={760}>
      <Group gap="sm">
        <Title order={1}>{description.title}</Title>
        <Badge variant="light" color="gray">
          Coming in a later release
        </Badge>
      </Group>
      <Text size="lg">{description.summary}</Text>
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="sm">
          What will be here
        </Title>
        <List spacing="xs">
          {description.features.map((feature) => (
            <List.Item key={feature}>{feature}</List.Item>
          ))}
        </List>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="sm">
          Until then
        </Title>
        <Stack gap="xs">
          {description.meanwhile.map((link) => (
            <Group key={link.to} gap="xs">
              <Anchor component={Link} to={link.to} fw={600}>
                {link.label}
              </Anchor>
              <Text c="dimmed" size="sm">
                — {link.why}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

export function NotFoundPage() {
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>Page not found</Title>
      <Text>This address does not match any page in Salesplan. It may have moved.</Text>
      <Group>
        <Button component={Link} to="/opportunities">
          Go to deals
        </Button>
        <Button component={Link} to="/accounts" variant="default">
          Go to accounts
        </Button>
      </Group>
    </Stack>
  );
}
