import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { SignInInput } from '../../../schemas/session';
import { errorMessage } from '../../api/client';
import { AlertIcon } from '../../components/icons';
import { SignedOutCard } from '../../components/SignedOutCard';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useSession, useSignIn } from './useSession';

// Home is the role's dashboard (a rep's results, a manager's team, a leader's organisation).
const HOME = '/';

// Only same-app paths: a `from` of '//evil.example' or 'https://…' must not become a redirect.
function safeReturnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return HOME;
  if (from.startsWith('/sign-in')) return HOME;
  return from;
}

export function SignInPage() {
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const { form, onSubmit } = useSchemaForm({
    schema: SignInInput,
    initialValues: { email: '', password: '' },
    toInput: (values) => values,
  });
  const returnTo = safeReturnPath(location.state);

  // Signed in already, or just now: go where the user was going.
  if (session.data) return <Navigate to={returnTo} replace />;

  return (
    <SignedOutCard title="Sign in" subtitle="Your deals, accounts and activity plan in one place.">
      <form onSubmit={onSubmit((input) => signIn.mutate(input))} noValidate>
        <Stack gap="md">
          {signIn.isError && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
              {errorMessage(signIn.error)}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? Ask your Salesplan admin to reset it.
          </Text>
        </Stack>
      </form>
    </SignedOutCard>
  );
}
