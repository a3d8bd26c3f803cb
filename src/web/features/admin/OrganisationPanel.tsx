import { Card, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client';
import { OrganisationPatch, type OrganisationSettings } from '../../../schemas/organisation';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AdminFormFrame } from './AdminFormFrame';
import { useOrganisationSettings, useUpdateOrganisation } from './useAdmin';

const MONTHS = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: new Date(Date.UTC(2026, index, 1)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  }),
}));

// Every IANA zone this browser knows; the server checks the name again.
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

type SettingsValues = {
  name: string;
  currency: string;
  fiscalYearStartMonth: string;
  timeZone: string;
};

function SettingsForm({
  settings,
  onStale,
}: {
  settings: OrganisationSettings;
  onStale: () => void;
}) {
  const update = useUpdateOrganisation();
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: OrganisationPatch,
    initialValues: {
      name: settings.name,
      currency: settings.currency,
      fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
      timeZone: settings.timeZone,
    } satisfies SettingsValues as SettingsValues,
    toInput: (values) => ({
      name: values.name,
      currency: values.currency.trim().toUpperCase(),
      fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
      timeZone: values.timeZone,
    }),
  });
  return (
    <AdminFormFrame
      label="Organisation settings"
      formError={formError}
      isSaving={update.isPending}
      onCancel={() => form.reset()}
      saveLabel="Save settings"
      onSubmit={onSubmit((input) => {
        // Send only what changed: an unchanged currency is no change to refuse.
        const patch = Object.fromEntries(
          Object.entries(input).filter(
            ([key, value]) => settings[key as keyof OrganisationPatch] !== value,
          ),
        );
        update.mutate(
          { patch, version: settings.version },
          {
            // A new version remounts the form with the saved values (OrganisationPanel's key).
            onSuccess: (saved) =>
              notifications.show({ color: 'green', title: 'Settings saved', message: saved.name }),
            onError: (error) => {
              if (error instanceof ApiError && error.status === 409) {
                notifications.show({
                  color: 'red',
                  title: 'Not saved: another admin saved first',
                  message: 'These are their settings now; make your change again.',
                });
                onStale();
              } else showServerError(error);
            },
          },
        );
      })}
    >
      <TextInput label="Name" required {...form.getInputProps('name')} />
      <TextInput
        label="Currency"
        description="Every figure is in it; it can change only before there are deals or exchange rates"
        required
        {...form.getInputProps('currency')}
      />
      <Select
        label="Fiscal year starts in"
        description="Fiscal year N starts in this month of N; it can change only before there are plans"
        required
        allowDeselect={false}
        data={MONTHS}
        {...field('fiscalYearStartMonth')}
        onChange={(value) => field('fiscalYearStartMonth').onChange(value ?? '1')}
      />
      <Select
        label="Time zone"
        description={'"Today" is its date, on the server and in every browser'}
        required
        searchable
        allowDeselect={false}
        data={TIME_ZONES}
        {...field('timeZone')}
        onChange={(value) => field('timeZone').onChange(value ?? settings.timeZone)}
      />
    </AdminFormFrame>
  );
}

/** The organisation's name, currency, fiscal calendar and time zone. */
export function OrganisationPanel() {
  const settings = useOrganisationSettings();
  if (settings.isPending) return <DetailSkeleton />;
  if (settings.isError)
    return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <Text size="sm" c="dimmed" mb="md">
        Changes are recorded in the audit log. If another admin saved in between, nothing is
        overwritten: you are told, and see their values after a reload.
      </Text>
      <SettingsForm
        key={settings.data.version}
        settings={settings.data}
        onStale={() => void settings.refetch()}
      />
    </Card>
  );
}
