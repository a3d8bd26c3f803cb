import { useState } from 'react';
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
import { type Account, AccountInput, type AccountStatus } from '../../../schemas/accounts';
import {
  blankToNull,
  type FieldErrors,
  serverFieldErrors,
  zodFieldErrors,
} from '../../components/form-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { minorToInputText, parseMoneyInput } from '../../components/money';
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

// Fields the server may name in a 400; anything else is shown above the form.
const FORM_FIELDS = [
  'name',
  'status',
  'segmentId',
  'ownerId',
  'territoryId',
  'industry',
  'country',
  'employees',
  'annualRevenueMinor',
  'parentName',
  'website',
  'externalId',
] as const;

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

/** Form text → the shared AccountInput, or the errors to show beside each field. */
export function toAccountInput(
  values: AccountFormValues,
  currency: string,
): { input: AccountInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const revenue = parseMoneyInput(values.annualRevenue, currency);
  if (!revenue.ok) errors.annualRevenueMinor = `Annual revenue: ${revenue.reason}`;
  const employeesText = values.employees.replace(/[\s,]/g, '');
  const employees = employeesText === '' ? null : Number(employeesText);
  if (employees !== null && !Number.isInteger(employees)) errors.employees = 'Enter a whole number';
  const parsed = AccountInput.safeParse({
    name: values.name,
    status: values.status,
    segmentId: values.segmentId,
    ownerId: values.ownerId,
    territoryId: values.territoryId,
    industry: blankToNull(values.industry),
    country: blankToNull(values.country),
    employees: Number.isInteger(employees) ? employees : null,
    annualRevenueMinor: revenue.ok ? revenue.amountMinor : null,
    parentName: blankToNull(values.parentName),
    website: blankToNull(values.website),
    externalId: blankToNull(values.externalId),
  });
  if (!parsed.success) Object.assign(errors, { ...zodFieldErrors(parsed.error), ...errors });
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { input: parsed.data };
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
  const [values, setValues] = useState(() => initialValues(account, currency));
  const [errors, setErrors] = useState<FieldErrors>({});
  const isSaving = create.isPending || update.isPending;

  function set<Field extends keyof AccountFormValues>(
    field: Field,
    value: AccountFormValues[Field],
  ) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    const result = toAccountInput(values, currency);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const callbacks = {
      onSuccess: (saved: Account) => {
        notifications.show({
          color: 'green',
          title: account ? 'Account saved' : 'Account created',
          message: saved.name,
        });
        onSaved(saved);
      },
      onError: (error: Error) => setErrors(serverFieldErrors(error, FORM_FIELDS)),
    };
    if (account) update.mutate({ id: account.id, patch: result.input }, callbacks);
    else create.mutate(result.input, callbacks);
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
    <form onSubmit={handleSubmit} noValidate aria-label={account ? 'Edit account' : 'New account'}>
      <Stack gap="lg">
        {errors._form && (
          <Alert color="red" variant="light" title="The account was not saved" role="alert">
            {errors._form}
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Account
          </Title>
          <Stack gap="md">
            <TextInput
              label="Name"
              required
              data-autofocus
              value={values.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={errors.name}
            />
            <div>
              <Text size="sm" fw={500} mb={4} id="account-status-label">
                Status
              </Text>
              <SegmentedControl
                aria-labelledby="account-status-label"
                value={values.status}
                onChange={(value) => set('status', value as AccountStatus)}
                data={(['prospect', 'customer'] as const).map((status) => ({
                  value: status,
                  label: ACCOUNT_STATUS_LABELS[status],
                }))}
              />
              {errors.status && (
                <Text size="xs" c="red" mt={4}>
                  {errors.status}
                </Text>
              )}
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Segment"
                placeholder="No segment"
                data={segments}
                value={values.segmentId}
                onChange={(value) => set('segmentId', value)}
                clearable
                error={errors.segmentId}
              />
              <Select
                label="Territory"
                placeholder="No territory"
                data={territories}
                value={values.territoryId}
                onChange={(value) => set('territoryId', value)}
                clearable
                error={errors.territoryId}
              />
              <OwnerSelect
                value={values.ownerId}
                onChange={(value) => set('ownerId', value)}
                placeholder="Unassigned"
                error={errors.ownerId}
              />
              <TextInput
                label="External ID"
                description="The account's ID in your CRM or ERP"
                value={values.externalId}
                onChange={(event) => set('externalId', event.currentTarget.value)}
                error={errors.externalId}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Company profile
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Industry"
              value={values.industry}
              onChange={(event) => set('industry', event.currentTarget.value)}
              error={errors.industry}
            />
            <TextInput
              label="Country"
              value={values.country}
              onChange={(event) => set('country', event.currentTarget.value)}
              error={errors.country}
            />
            <TextInput
              label="Employees"
              inputMode="numeric"
              value={values.employees}
              onChange={(event) => set('employees', event.currentTarget.value)}
              error={errors.employees}
            />
            <MoneyInput
              label="Annual revenue"
              currency={currency}
              value={values.annualRevenue}
              onChange={(value) => set('annualRevenue', value)}
              error={errors.annualRevenueMinor}
            />
            <TextInput
              label="Parent company"
              value={values.parentName}
              onChange={(event) => set('parentName', event.currentTarget.value)}
              error={errors.parentName}
            />
            <TextInput
              label="Website"
              placeholder="https://"
              value={values.website}
              onChange={(event) => set('website', event.currentTarget.value)}
              error={errors.website}
            />
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
