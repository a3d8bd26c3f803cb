import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ExchangeRate, ExchangeRateEntry } from '../../../schemas/exchange-rates';
import { errorMessage } from '../../api/client';
import { DeleteButton } from '../../components/DeleteButton';
import { PlusIcon } from '../../components/icons';
import { ListResults } from '../../components/ListResults';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useSession } from '../session/useSession';
import {
  useDeleteExchangeRate,
  useExchangeRates,
  useImportExchangeRates,
  useSetExchangeRate,
} from './useExchangeRates';

type RateValues = { currency: string; month: string; rate: string };

function RateForm({ initial, onDone }: { initial: RateValues; onDone: () => void }) {
  const save = useSetExchangeRate();
  const isEdit = initial.rate !== '';
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: ExchangeRateEntry,
    initialValues: initial,
    toInput: (values) => ({ ...values, currency: values.currency.trim().toUpperCase() }),
  });
  return (
    <form
      noValidate
      aria-label="Exchange rate"
      onSubmit={onSubmit((input) =>
        save.mutate(input, {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              title: 'Rate saved',
              message: `${input.currency} ${input.month}`,
            });
            onDone();
          },
          onError: showServerError,
        }),
      )}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Currency"
          description="ISO code, e.g. USD"
          required
          disabled={isEdit}
          {...form.getInputProps('currency')}
        />
        <TextInput
          label="Month"
          description="YYYY-MM; the rate holds until a later month has one"
          required
          disabled={isEdit}
          {...form.getInputProps('month')}
        />
        <TextInput
          label="Rate"
          description="Organisation currency per 1 unit of the currency, e.g. 0.92"
          required
          data-autofocus
          {...form.getInputProps('rate')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save rate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteRateButton({ rate }: { rate: ExchangeRate }) {
  const remove = useDeleteExchangeRate();
  return (
    <DeleteButton
      label="Delete"
      title={`Delete the ${rate.currency} rate of ${rate.month}?`}
      description="Deals of this month then use the latest earlier month's rate, or none."
      onConfirm={() => remove.mutate({ currency: rate.currency, month: rate.month })}
      isPending={remove.isPending}
      error={remove.error}
      onOpen={() => remove.reset()}
    />
  );
}

function ImportButton() {
  const importRates = useImportExchangeRates();
  const [problem, setProblem] = useState<string | null>(null);
  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    importRates.mutate(await file.text(), {
      onSuccess: (result) =>
        notifications.show({
          color: 'green',
          title: 'Rates imported',
          message: `${result.created} added, ${result.updated} replaced`,
        }),
      onError: (error) => setProblem(errorMessage(error)),
    });
  }
  return (
    <>
      <FileButton onChange={(file) => void upload(file)} accept=".csv,text/csv">
        {(props) => (
          <Button variant="default" loading={importRates.isPending} {...props}>
            Import CSV
          </Button>
        )}
      </FileButton>
      {problem && (
        <Alert color="red" variant="light" role="alert" title="Nothing was imported">
          {problem}
        </Alert>
      )}
    </>
  );
}

/** Admins keep the organisation's exchange rates: one per currency and month. */
export function ExchangeRatesPage() {
  const session = useSession();
  const rates = useExchangeRates();
  const [editing, setEditing] = useState<RateValues | null>(null);
  const ownCurrency = session.data?.organisation.currency ?? '';
  const isAdmin = session.data?.user.role === 'admin';
  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            Settings
          </Text>
          <Title order={1}>Exchange rates</Title>
          <Text c="dimmed">
            Every figure is in {ownCurrency}: a deal is converted at the rate of its close month
            (open deals: this month). Import a table with the header{' '}
            <Code>currency,month,rate</Code>.
          </Text>
        </div>
        {isAdmin && (
          <Group>
            <ImportButton />
            <Button
              leftSection={<PlusIcon size={16} />}
              onClick={() => setEditing({ currency: '', month: '', rate: '' })}
            >
              New rate
            </Button>
          </Group>
        )}
      </Group>
      <Card withBorder radius="md" padding="md">
        <ListResults
          query={rates}
          columns={4}
          rows={3}
          empty={{
            title: 'No exchange rates',
            description: `Deals in other currencies than ${ownCurrency} are left out of every sum until they have a rate.`,
          }}
        >
          {(page) => (
            <Table verticalSpacing="sm" aria-label="Exchange rates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th>Month</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Rate ({ownCurrency} per unit)</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((rate) => (
                  <Table.Tr key={`${rate.currency}/${rate.month}`}>
                    <Table.Td fw={600}>{rate.currency}</Table.Td>
                    <Table.Td>{rate.month}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{rate.rate}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {isAdmin && (
                        <Group gap="xs" justify="flex-end">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() =>
                              setEditing({
                                currency: rate.currency,
                                month: rate.month,
                                rate: rate.rate,
                              })
                            }
                          >
                            Edit
                          </Button>
                          <DeleteRateButton rate={rate} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListResults>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.rate ? `${editing.currency} ${editing.month}` : 'New exchange rate'}
        centered
      >
        {editing && <RateForm initial={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
