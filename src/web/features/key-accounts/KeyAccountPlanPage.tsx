import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { errorMessage } from '../../api/client';
import { formatDay } from '../../components/dates';
import { BackLink } from '../../components/BackLink';
import { formatMoney, formatWholeMoney } from '../../components/money';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { PlanDocumentActions } from '../plan-format/PlanDocumentActions';
import { PrintHeader } from '../print/PrintHeader';
import { useUsers } from '../reference/useReference';
import { useSession } from '../session/useSession';
import { KeyAccountPlanForm } from './KeyAccountPlanForm';
import { WhitespaceCard } from './WhitespaceCard';
import { BENCHMARK_STATUS_LABELS, isMoneySource } from './key-account-labels';
import { showConfirmation } from './key-account-plan-confirmations';
import {
  useAcknowledgeKeyAccountPlan,
  useKeyAccountPlan,
  useReviewKeyAccountPlan,
  useSignKeyAccountPlan,
} from './useKeyAccounts';
import './key-accounts-print.css';

// A key account's plan for the year: read by everyone who may see the account, written and
// signed by its owner, acknowledged by their manager, reviewed monthly or quarterly. Prints for
// the review meeting.

const when = (iso: string | null) => (iso === null ? null : formatDay(iso));

/** A part of the plan; `isEmpty` says "None yet." where its list has nothing. */
function PlanCard({
  title,
  isEmpty = false,
  children,
}: {
  title: string;
  isEmpty?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-label={title}
      className="key-account-plan-card"
    >
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
      {isEmpty && (
        <Text size="sm" c="gray.7">
          None yet.
        </Text>
      )}
    </Card>
  );
}

function Commitment({ plan }: { plan: KeyAccountPlanView }) {
  const sign = useSignKeyAccountPlan(plan.accountId);
  const acknowledge = useAcknowledgeKeyAccountPlan(plan.accountId);
  const [comment, setComment] = useState('');
  const error = sign.error ?? acknowledge.error;
  return (
    <PlanCard title="Written commitment">
      <Stack gap="sm">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.commitment || 'Not written yet.'}</Text>
        <Text size="sm">
          Signed by the rep: {when(plan.repSignedAt) ?? 'not yet'} · Acknowledged by the manager:{' '}
          {when(plan.managerAcknowledgedAt) ?? 'not yet'}
        </Text>
        {plan.managerComment && (
          <Text size="sm" fs="italic">
            Manager: {plan.managerComment}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group className="no-print">
          {plan.canEdit && plan.version > 0 && plan.repSignedAt === null && (
            <Button
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(
                  { version: plan.version, input: null },
                  { onSuccess: (saved) => showConfirmation('signed', saved) },
                )
              }
            >
              Sign the commitment
            </Button>
          )}
          {plan.canAcknowledge && plan.managerAcknowledgedAt === null && (
            <>
              <TextInput
                aria-label="Comment"
                placeholder="Comment for the rep"
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                w={320}
              />
              <Button
                loading={acknowledge.isPending}
                onClick={() =>
                  acknowledge.mutate(
                    { version: plan.version, input: { comment } },
                    { onSuccess: (saved) => showConfirmation('acknowledged', saved) },
                  )
                }
              >
                Acknowledge
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </PlanCard>
  );
}

function ReviewForm({ plan }: { plan: KeyAccountPlanView }) {
  const review = useReviewKeyAccountPlan(plan.accountId);
  const [whatChanged, setWhatChanged] = useState('');
  const [adjustments, setAdjustments] = useState('');
  return (
    <Stack gap="xs" className="no-print">
      <Textarea
        label="What changed since the last review"
        value={whatChanged}
        onChange={(e) => setWhatChanged(e.currentTarget.value)}
      />
      <Textarea
        label="Adjustments to the plan"
        value={adjustments}
        onChange={(e) => setAdjustments(e.currentTarget.value)}
      />
      {review.error && (
        <Alert color="red" role="alert">
          {errorMessage(review.error)}
        </Alert>
      )}
      <Group>
        <Button
          loading={review.isPending}
          onClick={() =>
            review.mutate(
              { version: plan.version, input: { heldOn: plan.today, whatChanged, adjustments } },
              {
                onSuccess: (saved) => {
                  setWhatChanged('');
                  setAdjustments('');
                  showConfirmation('reviewed', saved);
                },
              },
            )
          }
        >
          Record today&apos;s review
        </Button>
      </Group>
    </Stack>
  );
}

function PlanView({ plan, currency }: { plan: KeyAccountPlanView; currency: string }) {
  const objectiveOf = (id: string | null) => plan.objectives.find((o) => o.id === id)?.description;
  const personOf = (id: string | null) => plan.relationships.find((r) => r.id === id)?.contactName;
  const sourceOf = (id: string) => plan.benchmarks.find((b) => b.id === id)?.source ?? null;
  const value = (n: number | null, source: string | null) =>
    n === null ? '—' : isMoneySource(source) ? formatWholeMoney(n, currency) : String(n);
  return (
    <Stack gap="md">
      {plan.findings.length > 0 && (
        <Alert color="orange" variant="light" title="Checks">
          <List size="sm">
            {plan.findings.map((f) => (
              <List.Item key={`${f.code}-${f.field ?? ''}`}>
                <Badge
                  size="xs"
                  variant="light"
                  color={
                    f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'orange' : 'gray'
                  }
                  mr={6}
                >
                  {f.severity}
                </Badge>
                {f.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <PlanCard title="Opportunities in the account">
        {plan.opportunities.length === 0 ? (
          <Text size="sm" c="gray.7">
            No opportunities yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Deal plan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.opportunities.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/opportunities/${o.id}`}>
                        {o.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{o.stageName}</Table.Td>
                    <Table.Td>{formatMoney(o.amountMinor, o.currency)}</Table.Td>
                    <Table.Td>
                      {o.stageKind !== 'open'
                        ? '—'
                        : o.hasPlan
                          ? o.health.replaceAll('_', ' ')
                          : 'no plan'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PlanCard>
      <WhitespaceCard accountId={plan.accountId} />
      <PlanCard title="Relationships" isEmpty={plan.relationships.length === 0}>
        {plan.relationships.map((r) => (
          <Text key={r.id} size="sm">
            <b>{r.contactName}</b>
            {r.role ? ` (${r.role} buyer)` : ''}: strength {r.currentStrength} → {r.targetStrength}
            {r.nextStep ? `; next: ${r.nextStep}` : ''}
          </Text>
        ))}
      </PlanCard>
      <PlanCard title="Objectives" isEmpty={plan.objectives.length === 0}>
        {plan.objectives.map((o) => (
          <Text key={o.id} size="sm">
            <Badge size="xs" variant="light" mr={6}>
              {o.term}-term
            </Badge>
            {o.description}
            {o.dueOn ? ` — by ${o.dueOn}` : ''}
          </Text>
        ))}
      </PlanCard>
      <PlanCard title="Action sequence" isEmpty={plan.steps.length === 0}>
        {plan.steps.map((s) => (
          <Text key={s.id} size="sm">
            {s.position}. {s.what} · {s.ownerName ?? 'no owner'} · {s.dueOn ?? 'no date'} ·{' '}
            {s.status}
            {objectiveOf(s.objectiveId) ? ` · for "${objectiveOf(s.objectiveId)}"` : ''}
            {personOf(s.relationshipId) ? ` · with ${personOf(s.relationshipId)}` : ''}
          </Text>
        ))}
      </PlanCard>
      <PlanCard title="Benchmarks">
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Metric</Table.Th>
                <Table.Th>Baseline</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Actual</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.benchmarks.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.metric}</Table.Td>
                  <Table.Td>{value(b.baseline, b.source)}</Table.Td>
                  <Table.Td>{value(b.target, b.source)}</Table.Td>
                  <Table.Td>{b.dueOn ?? '—'}</Table.Td>
                  <Table.Td>
                    {value(b.actual, b.source)}
                    <Text size="xs" c="gray.7">
                      {b.isComputed
                        ? `from the data, fiscal year ${plan.fiscalYear} to date`
                        : 'entered'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={BENCHMARK_STATUS_LABELS[b.status].color} variant="light">
                      {BENCHMARK_STATUS_LABELS[b.status].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PlanCard>
      <Commitment plan={plan} />
      <PlanCard title="Reviews">
        <Stack gap="sm">
          {/* A div: the Due badge is one, and a div cannot sit in a paragraph. */}
          <Text size="sm" component="div">
            Cadence: {plan.cadence}. Next review due:{' '}
            {plan.nextReviewDue ? formatDay(plan.nextReviewDue) : 'once the plan is written'}{' '}
            {plan.isReviewDue && (
              <Badge color="red" variant="light">
                Due
              </Badge>
            )}
          </Text>
          {plan.reviews.map((r) => (
            <Card key={r.id} withBorder padding="sm">
              <Text size="sm" fw={600}>
                {r.heldOn} — version {r.planVersion}, by {r.reviewedByName ?? 'someone'}
              </Text>
              {r.whatChanged && <Text size="sm">What changed: {r.whatChanged}</Text>}
              {r.adjustments && <Text size="sm">Adjustments: {r.adjustments}</Text>}
              <Text size="sm">
                Benchmarks:{' '}
                {r.benchmarkActuals
                  .map((b) => {
                    const source = b.source ?? sourceOf(b.benchmarkId);
                    return `${b.metric} ${value(b.actual, source)} of ${value(b.target, source)} (${BENCHMARK_STATUS_LABELS[b.status].label.toLowerCase()})`;
                  })
                  .join('; ') || 'none'}
              </Text>
              {r.changesSincePrevious.length > 0 && (
                <Text size="sm" c="gray.7">
                  Since the review before: {r.changesSincePrevious.join('; ')}
                </Text>
              )}
            </Card>
          ))}
          {plan.version > 0 && (plan.canEdit || plan.canAcknowledge) && <ReviewForm plan={plan} />}
        </Stack>
      </PlanCard>
      <PlanCard title="History">
        {plan.history.map((h) => (
          <Text key={h.at + h.summary} size="xs">
            {h.at.slice(0, 16).replace('T', ' ')} · {h.userName ?? 'someone'} · {h.summary}
          </Text>
        ))}
      </PlanCard>
    </Stack>
  );
}

export function KeyAccountPlanPage() {
  const { accountId = '' } = useParams();
  const plan = useKeyAccountPlan(accountId);
  const users = useUsers();
  const session = useSession();
  const [isEditing, setIsEditing] = useState(false);
  if (plan.isPending) return <DetailSkeleton />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const userOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const currency = session.data?.organisation.currency ?? 'EUR';
  return (
    <Stack gap="md" className="key-account-plan">
      <PrintHeader
        title={`Key-account plan ${data.fiscalYear}, ${data.accountName}`}
        version={data.version}
      />
      <BackLink to="/key-accounts">Key accounts</BackLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>
            {data.accountName}: key-account plan {data.fiscalYear}
          </Title>
          <Text size="sm" c="gray.7">
            Owner {data.ownerName ?? '—'} · version {data.version}
            {data.isKeyAccount ? '' : ' · not a confirmed key account this year'}
          </Text>
        </div>
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()}>
            Print for the review
          </Button>
          <PlanDocumentActions
            documentPath={`/api/key-accounts/${data.accountId}/plan/document`}
            fileName={`key-account-plan-${data.fiscalYear}-${data.accountName}`}
            canImport={data.canEdit && !isEditing}
            refreshKeys={[['key-accounts']]}
            importNote="Replaces this plan with a key-account-plan JSON file's; the rep and the manager sign again"
          />
          {data.canEdit && !isEditing && (
            <Button onClick={() => setIsEditing(true)}>
              {data.version === 0 ? 'Write the plan' : 'Edit the plan'}
            </Button>
          )}
        </Group>
      </Group>
      {data.canEdit && data.repSignedAt !== null && isEditing && (
        <Alert color="yellow">Saving a change asks the rep and the manager to sign again.</Alert>
      )}
      {isEditing ? (
        <KeyAccountPlanForm
          plan={data}
          users={userOptions}
          currency={currency}
          onDone={() => setIsEditing(false)}
        />
      ) : (
        <PlanView plan={data} currency={currency} />
      )}
    </Stack>
  );
}
