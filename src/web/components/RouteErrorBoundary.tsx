import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Link, useLocation } from 'react-router';
import { AlertIcon } from './icons';

function PageCrashed({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <Stack maw={640} mx="auto" my="xl">
      <Alert
        color="red"
        variant="light"
        icon={<AlertIcon />}
        title="This page could not be shown"
        role="alert"
      >
        <Stack gap="sm">
          <Text size="sm">
            Something went wrong while showing this page. Nothing you saved is lost. Try again, or
            go back to the start.
          </Text>
          {error instanceof Error && error.message && (
            <Text size="xs" c="dimmed" ff="monospace">
              {error.message}
            </Text>
          )}
          <Group gap="xs">
            <Button size="xs" onClick={resetErrorBoundary}>
              Try again
            </Button>
            {/* Leaving the URL clears the error (resetKeys), so the link needs no reset. */}
            <Button size="xs" variant="default" component={Link} to="/">
              Go to the start page
            </Button>
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}

/**
 * Catches a render error in the page below it and shows a message with a way back instead of a
 * blank app; moving to another URL clears it.
 */
export function RouteErrorBoundary({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  return (
    // Moving to another page (the navigation stays usable) clears the error.
    <ErrorBoundary FallbackComponent={PageCrashed} resetKeys={[location.pathname]}>
      {children}
    </ErrorBoundary>
  );
}
