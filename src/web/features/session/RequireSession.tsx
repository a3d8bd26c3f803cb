import { Center, Loader } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/PageStates';
import { useSession } from './useSession';

/** Shows its children to a signed-in user; sends anyone else to sign in, remembering where to. */
export function RequireSession({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert
          title="Salesplan is unreachable"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Center>
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return children;
}
