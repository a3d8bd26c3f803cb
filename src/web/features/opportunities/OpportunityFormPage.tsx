import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { OpportunityForm } from './OpportunityForm';
import { useOpportunity } from './useOpportunities';
import { BackLink } from '../../components/BackLink';

/** /opportunities/new (optionally ?accountId=&accountName=) and /opportunities/:id/edit. */
export function OpportunityFormPage() {
  const { opportunityId } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const opportunity = useOpportunity(opportunityId);
  const accountId = searchParams.get('accountId') ?? undefined;
  const back = opportunityId
    ? `/opportunities/${opportunityId}`
    : accountId
      ? `/accounts/${accountId}`
      : '/opportunities';

  if (opportunityId && opportunity.isPending) return <DetailSkeleton />;
  if (opportunityId && opportunity.isError) {
    return (
      <ErrorAlert
        title="Could not load this deal"
        error={opportunity.error}
        onRetry={() => void opportunity.refetch()}
      />
    );
  }

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to={back}>Back</BackLink>
      <div>
        <Title order={1}>{opportunityId ? 'Edit deal' : 'New deal'}</Title>
        <Text c="dimmed">
          {opportunityId
            ? 'A stage change is recorded in the stage history with today’s date.'
            : 'A deal with an account: what it is worth, where it stands, and when it should close.'}
        </Text>
      </div>
      <OpportunityForm
        opportunity={opportunity.data}
        defaults={{ accountId, accountName: searchParams.get('accountName') ?? undefined }}
        onSaved={(saved) =>
          navigate(`/opportunities/${saved.id}`, { replace: Boolean(opportunityId) })
        }
        onCancel={() => navigate(back)}
      />
    </Stack>
  );
}
