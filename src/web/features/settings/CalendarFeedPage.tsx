import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/client';
import { formatInstant } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useCalendarFeed, useReplaceCalendarFeed, useRevokeCalendarFeed } from './useCalendarFeed';

// Settings → Calendar feed (issue #14): the secret address a calendar app subscribes to. It is
// shown once, when made; after that the page can only replace or revoke it.

function NewAddress({ url }: { url: string }) {
  const webcal = url.replace(/^https?:/, 'webcal:');
  return (
    <Stack gap="sm">
      <Alert
        color="yellow"
        variant="light"
        // The light yellow alert's own title colour reads at 4.47:1, short of AA.
        title={
          <Text span fw={700} size="sm" c="dark.8">
            Copy it now
          </Text>
        }
      >
        This is the only time the address is shown. Anyone who has it can read these dates, so keep
        it to your own calendar.
      </Alert>
      <Code
        block
        aria-label="Calendar address"
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
      >
        {url}
      </Code>
      <Group>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : 'blue'} variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy address'}
            </Button>
          )}
        </CopyButton>
        <Button component="a" href={webcal} variant="default">
          Open in my calendar app
        </Button>
      </Group>
      <List size="sm" spacing={4}>
        <List.Item>
          Google Calendar: Other calendars, <b>+</b>, From URL, then paste the address.
        </List.Item>
        <List.Item>Outlook: Add calendar, Subscribe from web, then paste the address.</List.Item>
        <List.Item>
          Apple Calendar: File, New Calendar Subscription, then paste the address.
        </List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Calendar apps fetch the feed every few hours, so a change can take that long to appear.
      </Text>
    </Stack>
  );
}

function RevokeButton() {
  const revoke = useRevokeCalendarFeed();
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setIsConfirming(true)}>
        Revoke
      </Button>
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Revoke the calendar address?"
        centered
      >
        <Stack gap="md">
          <Text>Calendars subscribed to it stop getting your dates.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    setIsConfirming(false);
                    notifications.show({
                      color: 'green',
                      title: 'Calendar address revoked',
                      message: '',
                    });
                  },
                  onError: (error) =>
                    notifications.show({
                      color: 'red',
                      title: 'Not revoked',
                      message: errorMessage(error),
                    }),
                })
              }
            >
              Revoke address
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function CalendarFeedPage() {
  const feed = useCalendarFeed();
  const replace = useReplaceCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const make = () =>
    replace.mutate(undefined, {
      onSuccess: (created) => setUrl(created.url),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'No address made',
          message: errorMessage(error),
        }),
    });

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Text size="sm" c="dimmed">
          Settings
        </Text>
        <Title order={1}>Calendar feed</Title>
        <Text c="dimmed">
          Your action steps due, planned activities, rep plan check-ins and key-account reviews, in
          Google Calendar, Outlook or Apple Calendar: subscribe to a secret address and they follow
          your changes.
        </Text>
      </div>
      <Card withBorder radius="md" padding="md">
        {feed.isPending ? (
          <DetailSkeleton />
        ) : feed.isError ? (
          <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
        ) : (
          <Stack gap="md">
            {url ? (
              <NewAddress url={url} />
            ) : feed.data.createdAt ? (
              <Text>
                Your calendar address was made {formatInstant(feed.data.createdAt)}. It is not shown
                again: replace it to get a new one (the old one stops working).
              </Text>
            ) : (
              <Text>You have no calendar address yet.</Text>
            )}
            <Group>
              <Button
                onClick={make}
                loading={replace.isPending}
                variant={url ? 'default' : 'filled'}
              >
                {feed.data.createdAt ? 'Replace address' : 'Create address'}
              </Button>
              {feed.data.createdAt && <RevokeButton />}
            </Group>
            <Text size="sm" c="dimmed">
              Replacing or revoking the address stops every calendar that uses it.
            </Text>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
