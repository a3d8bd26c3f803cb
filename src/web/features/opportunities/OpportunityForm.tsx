import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Opportunity, OpportunityInput } from '../../../schemas/opportunities';
import { DateField } from '../../components/DateField';
import { todayIsoDate } from '../../components/dates';
import {
  blankToNull,
  type FieldErrors,
  serverFieldErrors,
  zodFieldErrors,
} from '../../components/form-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { minorToInputText, parseMoneyInput } from '../../components/money';
import { AccountPicker } from '../accounts/AccountPicker';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { useSession } from '../session/useSession';
import { useCreateOpportunity, useProductOptions, useUpdateOpportunity } from './useOpportunities';

type OpportunityFormValues = {
  name: string;
  accountId: string | null;
  accountName: string | null;
  productId: string | null;
  stageId: string | null;
  amount: string;
  currency: string;
  ownerId: string | null;
  createdOn: string | null;
  expectedCloseOn: string | null;
  closedOn: string | null;
  nextStep: string;
  externalId: string;
};

const FORM_FIELDS = [
  'name',
  'accountId',
  'productId',
  'stageId',
  'amountMinor',
  'currency',
  'ownerId',
  'createdOn',
  'expectedCloseOn',
  'closedOn',
  'nextStep',
  'externalId',
] as const;

const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'SEK',
  'NOK',
  'DKK',
  'CHF',
  'PLN',
  'JPY',
  'CAD',
  'AUD',
];

export type OpportunityDefaults = { accountId?: string; accountName?: string };

function initialValues(
  opportunity: Opportunity | undefined,
  defaults: OpportunityDefaults,
  currency: string,
): OpportunityFormValues {
  const valueCurrency = opportunity?.currency ?? currency;
  return {
    name: opportunity?.name ?? '',
    accountId: opportunity?.accountId ?? defaults.accountId ?? null,
    accountName: opportunity?.accountName ?? defaults.accountName ?? null,
    productId: opportunity?.productId ?? null,
    stageId: opportunity?.stageId ?? null,
    amount: opportunity ? minorToInputText(opportunity.amountMinor, valueCurrency) : '',
    currency: valueCurrency,
    ownerId: opportunity?.ownerId ?? null,
    createdOn: opportunity?.createdOn ?? todayIsoDate(),
    expectedCloseOn: opportunity?.expectedCloseOn ?? null,
    closedOn: opportunity?.closedOn ?? null,
    nextStep: opportunity?.nextStep ?? '',
    externalId: opportunity?.externalId ?? '',
  };
}

/** Creates an opportunity, or edits one when `opportunity` is given. */
export function OpportunityForm({
  opportunity,
  defaults = {},
  onSaved,
  onCancel,
}: {
  opportunity?: Opportunity;
  defaults?: OpportunityDefaults;
  onSaved: (opportunity: Opportunity) => void;
  onCancel?: () => void;
}) {
  const session = useSession();
  const reference = useReference();
  const products = useProductOptions();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const [values, setValues] = useState(() =>
    initialValues(opportunity, defaults, session.data?.organisation.currency ?? 'EUR'),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const isSaving = create.isPending || update.isPending;

  const stages = [...(reference.data?.stages ?? [])].sort((a, b) => a.position - b.position);
  const selectedStage = stages.find((stage) => stage.id === values.stageId);
  const isClosed = selectedStage !== undefined && selectedStage.kind !== 'open';

  function set<Field extends keyof OpportunityFormValues>(
    field: Field,
    value: OpportunityFormValues[Field],
  ) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function selectProduct(productId: string | null) {
    const product = products.data?.items.find((item) => item.id === productId);
    setValues((previous) => ({
      ...previous,
      productId,
      // A new deal starts from the product's list price; an amount already typed is kept.
      ...(product && product.listPriceMinor !== null && previous.amount.trim() === ''
        ? {
            amount: minorToInputText(product.listPriceMinor, product.currency),
            currency: product.currency,
          }
        : {}),
    }));
  }

  function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    const localErrors: FieldErrors = {};
    const amount = parseMoneyInput(values.amount, values.currency);
    if (!amount.ok) localErrors.amountMinor = `Amount: ${amount.reason}`;
    const parsed = OpportunityInput.safeParse({
      name: values.name,
      accountId: values.accountId,
      productId: values.productId,
      stageId: values.stageId ?? '',
      amountMinor: amount.ok ? (amount.amountMinor ?? 0) : 0,
      currency: values.currency,
      ownerId: values.ownerId ?? undefined,
      createdOn: values.createdOn ?? undefined,
      expectedCloseOn: values.expectedCloseOn,
      closedOn: isClosed ? values.closedOn : null,
      nextStep: blankToNull(values.nextStep),
      externalId: blankToNull(values.externalId),
    });
    if (!parsed.success) {
      const schemaErrors = zodFieldErrors(parsed.error);
      if (!values.stageId) schemaErrors.stageId = 'Pick a stage';
      Object.assign(localErrors, { ...schemaErrors, ...localErrors });
    }
    if (Object.keys(localErrors).length > 0 || !parsed.success) {
      setErrors(localErrors);
      return;
    }
    setErrors({});
    const callbacks = {
      onSuccess: (saved: Opportunity) => {
        notifications.show({
          color: 'green',
          title: opportunity ? 'Opportunity saved' : 'Opportunity created',
          message: saved.name,
        });
        onSaved(saved);
      },
      onError: (error: Error) => setErrors(serverFieldErrors(error, FORM_FIELDS)),
    };
    if (opportunity) update.mutate({ id: opportunity.id, patch: parsed.data }, callbacks);
    else create.mutate(parsed.data, callbacks);
  }

  const currencies = [...new Set([values.currency, ...COMMON_CURRENCIES])];

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-label={opportunity ? 'Edit opportunity' : 'New opportunity'}
    >
      <Stack gap="lg">
        {errors._form && (
          <Alert color="red" variant="light" title="The opportunity was not saved" role="alert">
            {errors._form}
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Deal
          </Title>
          <Stack gap="md">
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={errors.name}
              description="What the customer buys, e.g. “Fleet renewal 2027”"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AccountPicker
                value={values.accountId}
                selectedName={values.accountName}
                onChange={(accountId, accountName) =>
                  setValues((previous) => ({ ...previous, accountId, accountName }))
                }
                error={errors.accountId}
              />
              <Select
                label="Product"
                placeholder="No product"
                data={(products.data?.items ?? []).map((product) => ({
                  value: product.id,
                  label: product.isActive ? product.name : `${product.name} (retired)`,
                }))}
                value={values.productId}
                onChange={selectProduct}
                searchable
                clearable
                error={errors.productId}
              />
              <Select
                label="Stage"
                required
                placeholder="Pick a stage"
                data={stages.map((stage) => ({
                  value: stage.id,
                  label: `${stage.name} (${stage.kind === 'open' ? `${stage.probabilityPercent}%` : stage.kind})`,
                }))}
                value={values.stageId}
                onChange={(stageId) => set('stageId', stageId)}
                error={errors.stageId}
              />
              <OwnerSelect
                value={values.ownerId}
                onChange={(ownerId) => set('ownerId', ownerId)}
                placeholder="Me"
                description={opportunity ? undefined : 'Leave empty to own it yourself'}
                clearable={!opportunity}
                error={errors.ownerId}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="md">
            Value and dates
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MoneyInput
              label="Amount"
              currency={values.currency}
              value={values.amount}
              onChange={(amount) => set('amount', amount)}
              error={errors.amountMinor}
              description="In major units, e.g. 12500.00"
            />
            <Select
              label="Currency"
              data={currencies}
              value={values.currency}
              onChange={(currency) => set('currency', currency ?? values.currency)}
              searchable
              allowDeselect={false}
              error={errors.currency}
            />
            <DateField
              label="Created on"
              value={values.createdOn}
              onChange={(createdOn) => set('createdOn', createdOn)}
              error={errors.createdOn}
              clearable={false}
            />
            <DateField
              label="Expected close"
              value={values.expectedCloseOn}
              onChange={(expectedCloseOn) => set('expectedCloseOn', expectedCloseOn)}
              error={errors.expectedCloseOn}
            />
            {isClosed && (
              <DateField
                label="Closed on"
                description="Leave empty for today"
                value={values.closedOn}
                onChange={(closedOn) => set('closedOn', closedOn)}
                error={errors.closedOn}
              />
            )}
            <TextInput
              label="External ID"
              description="The deal's ID in your CRM"
              value={values.externalId}
              onChange={(event) => set('externalId', event.currentTarget.value)}
              error={errors.externalId}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label="Next step"
            autosize
            minRows={2}
            value={values.nextStep}
            onChange={(event) => set('nextStep', event.currentTarget.value)}
            error={errors.nextStep}
          />
        </Card>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={isSaving}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={isSaving}>
            {opportunity ? 'Save opportunity' : 'Create opportunity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
