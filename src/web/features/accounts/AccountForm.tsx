import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ACCOUNT_STATUSES } from '../../../domain/account';
import { type Account, AccountInput, type AccountStatus } from '../../../schemas/accounts';
import { blankToNull } from '../../components/form-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { minorToInputText, parseMoneyInput } from '../../components/money';
import { useSchemaForm } from '../../components/useSchemaForm';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { useSession } from '../session/useSession';
import { ACCOUNT_STATUS_LABELS, useCreateAccount, useUpdateAccount } from './useAccounts';

type AccountFormValues = {
  name: string;
  status: AccountStatus;
  segmentId: string | null;
  ownerId: string | null;
  territoryId: string | null;
  industry: string;
  country: string;
  employees: string;
  annualRevenue: string;
  parentName: string;
  website: string;
  externalId: string;
};

function initialValues(account: Account | undefined, currency: string): AccountFormValues {
  return {
    name: account?.name ?? '',
    status: account?.status ?? 'prospect',
    segmentId: account?.segmentId ?? null,
    ownerId: account?.ownerId ?? null,
    territoryId: account?.territoryId ?? null,
    industry: account?.industry ?? '',
    country: account?.country ?? '',
    employees:
      account?.employees === null || account?.employees === undefined
        ? ''
        : String(account.employees),
    annualRevenue: minorToInputText(account?.annualRevenueMinor, currency),
    parentName: account?.parentName ?? '',
    website: account?.website ?? '',
    externalId: account?.externalId ?? '',
  };
}

/** Form text → the shared AccountInput's shape; the schema checks it. */
function toInput(values: AccountFormValues, currency: string) {
  const revenue = parseMoneyInput(values.annualRevenue, currency);
  const employees = wholeNumberOf(values.employees);
  return {
    name: values.name,
    status: values.status,
    segmentId: values.segmentId,
    ownerId: values.ownerId,
    territoryId: values.territoryId,
    industry: blankToNull(values.industry),
    country: blankToNull(values.country),
    employees: employees ?? null,
    annualRevenueMinor: revenue.ok ? revenue.amountMinor : null,
    parentName: blankToNull(values.parentName),
    website: blankToNull(values.website),
    externalId: blankToNull(values.externalId),
  };
}

/** '1,200' → 1200; blank → null; anything else → undefined. */
function wholeNumberOf(text: string): number | null | undefined {
  const digits = text.replace(/[\s,]/g, '');
  if (digits === '') return null;
  const value = Number(digits);
  return Number.isInteger(value) ? value : undefined;
}

// What the schema cannot see: text that is no number at all.
function checkText(values: AccountFormValues, currency: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const revenue = parseMoneyInput(values.annualRevenue, currency);
  if (!revenue.ok) errors.annualRevenue = `Annual revenue: ${revenue.reason}`;
  if (wholeNumberOf(values.employees) === undefined) errors.employees = 'Enter a whole number';
  return errors;
}

/** Creates an account, or edits one when `account` is given. */
export function AccountForm({
  account,
  onSaved,
  onCancel,
}: {
  account?: Account;
  onSaved: (account: Account) => void;
  onCancel?: () => void;
}) {
  const session = useSession();
  const currency = session.data?.organisation.currency ?? 'EUR';
  const reference = useReference();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: AccountInput,
    initialValues: initialValues(account, currency),
    toInput: (values) => toInput(values, currency),
    renamed: { annualRevenueMinor: 'annualRevenue' },
    check: (values) => checkText(values, currency),
  });
  const isSaving = create.isPending || update.isPending;

  function save(input: AccountInput) {
    const callbacks = {
      onSuccess: (saved: Account) => {
        notifications.show({
          color: 'green',
          title: account ? 'Account saved' : 'Account created',
          message: saved.name,
        });
        onSaved(saved);
      },
      onError: showServerError,
    };
    if (account) update.mutate({ id: account.id, patch: input }, callbacks);
    else create.mutate(input, callbacks);
  }

  const segments = (reference.data?.segments ?? []).map((segment) => ({
    value: segment.id,
    label: segment.code === segment.name ? segment.name : `${segment.code} · ${segment.name}`,
  }));
  const territories = (reference.data?.territories ?? []).map((territory) => ({
    value: territory.id,
    label: territory.name,
  }));

  return (
    <form
      onSubmit={onSubmit(save)}
      noValidate
      aria-label={account ? 'Edit account' : 'New account'}
    >
      <Stack gap="lg">
        {formError && (
          <Alert color="red" variant="light" title="The account was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Account
          </Title>
          <Stack gap="md">
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <div>
              <Text size="sm" fw={500} mb={4} id="account-status-label">
                Status
              </Text>
              <SegmentedControl
                aria-labelledby="account-status-label"
                {...form.getInputProps('status', { withError: false })}
                data={ACCOUNT_STATUSES.map((status) => ({
                  value: status,
                  label: ACCOUNT_STATUS_LABELS[status],
                }))}
              />
              {form.errors.status && (
                <Text size="xs" c="red" mt={4}>
                  {form.errors.status}
                </Text>
              )}
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Segment"
                placeholder="No segment"
                data={segments}
                {...form.getInputProps('segmentId')}
                clearable
              />
              <Select
                label="Territory"
                placeholder="No territory"
                data={territories}
                {...form.getInputProps('territoryId')}
                clearable
              />
              <OwnerSelect placeholder="Unassigned" {...field('ownerId')} />
              <TextInput
                label="External ID"
                description="The account's ID in your CRM or ERP"
                {...form.getInputProps('externalId')}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Company profile
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Industry" {...form.getInputProps('industry')} />
            <TextInput label="Country" {...form.getInputProps('country')} />
            <TextInput label="Employees" inputMode="numeric" {...form.getInputProps('employees')} />
            <MoneyInput label="Annual revenue" currency={currency} {...field('annualRevenue')} />
            <TextInput label="Parent company" {...form.getInputProps('parentName')} />
            <TextInput label="Website" placeholder="https://" {...form.getInputProps('website')} />
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={isSaving}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={isSaving}>
            {account ? 'Save account' : 'Create account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
