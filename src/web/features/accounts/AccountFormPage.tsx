import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { AccountForm } from './AccountForm';
import { useAccount } from './useAccounts';
import { BackLink } from '../../components/BackLink';

/** /accounts/new and /accounts/:accountId/edit. */
export function AccountFormPage() {
  const { accountId } = useParams();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const back = accountId ? `/accounts/${accountId}` : '/accounts';

  if (accountId && account.isPending) return <DetailSkeleton />;
  if (accountId && account.isError) {
    return (
      <ErrorAlert
        title="Could not load this account"
        error={account.error}
        onRetry={() => void account.refetch()}
      />
    );
  }

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to={back}>{accountId ? account.data?.name : 'Accounts'}</BackLink>
      <div>
        <Title order={1}>{accountId ? 'Edit account' : 'New account'}</Title>
        <Text c="dimmed">
          {accountId
            ? 'Update the account’s profile, segment and owner.'
            : 'A prospect or customer your team sells to.'}
        </Text>
      </div>
      <AccountForm
        account={account.data}
        onSaved={(saved) => navigate(`/accounts/${saved.id}`, { replace: Boolean(accountId) })}
        onCancel={() => navigate(back)}
      />
    </Stack>
  );
}
