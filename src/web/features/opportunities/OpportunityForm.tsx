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
import { blankToNull } from '../../components/form-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { minorToInputText, parseMoneyInput } from '../../components/money';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AccountPicker } from '../accounts/AccountPicker';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { useSession, useToday } from '../session/useSession';
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
  today: string,
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
    createdOn: opportunity?.createdOn ?? today,
    expectedCloseOn: opportunity?.expectedCloseOn ?? null,
    closedOn: opportunity?.closedOn ?? null,
    nextStep: opportunity?.nextStep ?? '',
    externalId: opportunity?.externalId ?? '',
  };
}

/** Form text → the shared OpportunityInput's shape; the schema checks it. */
function toInput(values: OpportunityFormValues) {
  const amount = parseMoneyInput(values.amount, values.currency);
  return {
    name: values.name,
    accountId: values.accountId,
    productId: values.productId,
    stageId: values.stageId ?? '',
    amountMinor: amount.ok ? (amount.amountMinor ?? 0) : 0,
    currency: values.currency,
    ownerId: values.ownerId ?? undefined,
    createdOn: values.createdOn ?? undefined,
    expectedCloseOn: values.expectedCloseOn,
    closedOn: values.closedOn,
    nextStep: blankToNull(values.nextStep),
    externalId: blankToNull(values.externalId),
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
  const today = useToday();
  const reference = useReference();
  const products = useProductOptions();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: OpportunityInput,
    initialValues: initialValues(
      opportunity,
      defaults,
      session.data?.organisation.currency ?? 'EUR',
      today,
    ),
    toInput,
    renamed: { amountMinor: 'amount' },
    check: (values) => {
      const amount = parseMoneyInput(values.amount, values.currency);
      return amount.ok ? {} : { amount: `Amount: ${amount.reason}` };
    },
  });
  const { values } = form;
  const isSaving = create.isPending || update.isPending;

  const stages = [...(reference.data?.stages ?? [])].sort((a, b) => a.position - b.position);
  const selectedStage = stages.find((stage) => stage.id === values.stageId);
  const isClosed = selectedStage !== undefined && selectedStage.kind !== 'open';

  function selectStage(stageId: string | null) {
    const stage = stages.find((item) => item.id === stageId);
    // The Closed-on field goes with a won or lost stage; an open deal has no close date.
    form.setValues({ stageId, ...(stage?.kind === 'open' ? { closedOn: null } : {}) });
  }

  function selectProduct(productId: string | null) {
    const product = products.data?.items.find((item) => item.id === productId);
    form.setValues({
      productId,
      // A new deal starts from the product's list price; an amount already typed is kept.
      ...(product && product.listPriceMinor !== null && values.amount.trim() === ''
        ? {
            amount: minorToInputText(product.listPriceMinor, product.currency),
            currency: product.currency,
          }
        : {}),
    });
  }

  function save(input: OpportunityInput) {
    const callbacks = {
      onSuccess: (saved: Opportunity) => {
        notifications.show({
          color: 'green',
          title: opportunity ? 'Deal saved' : 'Deal created',
          message: saved.name,
        });
        onSaved(saved);
      },
      onError: showServerError,
    };
    if (opportunity) update.mutate({ id: opportunity.id, patch: input }, callbacks);
    else create.mutate(input, callbacks);
  }

  const currencies = [...new Set([values.currency, ...COMMON_CURRENCIES])];

  return (
    <form onSubmit={onSubmit(save)} noValidate aria-label={opportunity ? 'Edit deal' : 'New deal'}>
      <Stack gap="lg">
        {formError && (
          <Alert color="red" variant="light" title="The deal was not saved" role="alert">
            {formError}
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
              {...form.getInputProps('name')}
              description="What the customer buys, e.g. “Fleet renewal 2027”"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AccountPicker
                {...field('accountId')}
                selectedName={values.accountName}
                onChange={(accountId, accountName) => form.setValues({ accountId, accountName })}
              />
              <Select
                label="Product"
                placeholder="No product"
                data={(products.data?.items ?? []).map((product) => ({
                  value: product.id,
                  label: product.isActive ? product.name : `${product.name} (retired)`,
                }))}
                {...form.getInputProps('productId')}
                onChange={selectProduct}
                searchable
                clearable
              />
              <Select
                label="Stage"
                required
                placeholder="Pick a stage"
                data={stages.map((stage) => ({
                  value: stage.id,
                  label: `${stage.name} (${stage.kind === 'open' ? `${stage.probabilityPercent}%` : stage.kind})`,
                }))}
                {...form.getInputProps('stageId')}
                onChange={selectStage}
              />
              <OwnerSelect
                {...field('ownerId')}
                placeholder="Me"
                description={opportunity ? undefined : 'Leave empty to own it yourself'}
                clearable={!opportunity}
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
              {...field('amount')}
              description="In major units, e.g. 12500.00"
            />
            <Select
              label="Currency"
              data={currencies}
              {...form.getInputProps('currency')}
              searchable
              allowDeselect={false}
            />
            <DateField label="Created on" {...field('createdOn')} clearable={false} />
            <DateField label="Expected close" {...field('expectedCloseOn')} />
            {isClosed && (
              <DateField
                label="Closed on"
                description="Leave empty for today"
                {...field('closedOn')}
              />
            )}
            <TextInput
              label="External ID"
              description="The deal's ID in your CRM"
              {...form.getInputProps('externalId')}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label="Next step"
            autosize
            minRows={2}
            {...form.getInputProps('nextStep')}
          />
        </Card>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={isSaving}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={isSaving}>
            {opportunity ? 'Save deal' : 'Create deal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
