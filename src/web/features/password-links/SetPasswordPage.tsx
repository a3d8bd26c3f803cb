import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { z } from 'zod';
import { Link, useParams } from 'react-router';
import { PASSWORD_LINK_DAYS } from '../../../domain/password-links';
import { NewPassword } from '../../../schemas/password-links';
import { PASSWORD_MIN_LENGTH } from '../../../schemas/users';
import { AlertIcon } from '../../components/icons';
import { SignedOutCard } from '../../components/SignedOutCard';
import { useSchemaForm } from '../../components/useSchemaForm';
import { usePasswordLink, useSetPassword } from './usePasswordLinks';

// The page a set-password link opens: whose account it is, a new password typed twice. Nobody
// is signed in here; afterwards the user signs in with the new password.

const NewPasswordTwice = NewPassword.extend({ repeated: z.string() }).refine(
  (values) => values.password === values.repeated,
  { path: ['repeated'], message: 'is not the same password' },
);

export function SetPasswordPage() {
  const token = useParams().token ?? '';
  const link = usePasswordLink(token);
  const setPassword = useSetPassword(token);
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: NewPasswordTwice,
    initialValues: { password: '', repeated: '' },
    toInput: (values) => values,
  });

  return (
    <SignedOutCard title="Choose your password">
      <Stack gap="md">
        {link.isPending && <Text c="dimmed">Checking your link…</Text>}
        {link.isError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            This link does not work: it was used already, it is older than {PASSWORD_LINK_DAYS}{' '}
            days, or it was replaced by a newer one. Ask your Salesplan admin for a new link.
          </Alert>
        )}
        {setPassword.isSuccess ? (
          <>
            <Alert color="green" variant="light" role="status">
              Your password is set. Sign in with {setPassword.data.email} and your new password.
            </Alert>
            <Button component={Link} to="/sign-in">
              Sign in
            </Button>
          </>
        ) : (
          link.data && (
            <form
              onSubmit={onSubmit(({ password }) =>
                setPassword.mutate(password, { onError: showServerError }),
              )}
              noValidate
            >
              <Stack gap="md">
                <Text>
                  For <b>{link.data.name}</b> ({link.data.email}). At least {PASSWORD_MIN_LENGTH}{' '}
                  characters; a few unrelated words are easy to remember and hard to guess.
                </Text>
                {formError && (
                  <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                    {formError}
                  </Alert>
                )}
                <PasswordInput
                  label="New password"
                  autoComplete="new-password"
                  autoFocus
                  {...form.getInputProps('password')}
                />
                <PasswordInput
                  label="The same password again"
                  autoComplete="new-password"
                  {...form.getInputProps('repeated')}
                />
                <Button type="submit" loading={setPassword.isPending} fullWidth>
                  Set password
                </Button>
              </Stack>
            </form>
          )
        )}
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          Back to sign-in
        </Anchor>
      </Stack>
    </SignedOutCard>
  );
}
