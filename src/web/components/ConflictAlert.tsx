import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

// One answer to a lost race on every If-Match form (deal plan, rep plan, key-account plan, team
// plan, strategy): someone saved the record after this user opened it, so their save was refused
// (409). They choose: reload and lose the edit, or keep their text (copied, and shown here until
// dismissed) and reload, then put back what still matters.

/** A save refused because the record changed since it was read (If-Match, 409). */
export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

/** The strings of a form's values, one per line ("label: text"), for the user to paste back. */
export function plainTextOf(values: unknown, labels: Record<string, string> = {}): string {
  const lines: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (value.trim()) lines.push(labels[key] ? `${labels[key]}: ${value}` : value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(values, '');
  return lines.join('\n\n');
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The user's text after a conflict, in a notification that outlives the form's reload. */
function KeptText({ text, isCopied }: { text: string; isCopied: boolean }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {isCopied
          ? 'It is on the clipboard too. The form now shows their version: paste back what you still want, then save.'
          : 'The form now shows their version: copy what you still want from here, paste it back, then save.'}
      </Text>
      <Textarea
        aria-label="Your unsaved text"
        value={text}
        readOnly
        autosize
        minRows={2}
        maxRows={8}
      />
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Button size="xs" variant="default" onClick={copy} w="fit-content">
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

export function ConflictAlert({
  error,
  what,
  textOf,
  onReload,
}: {
  /** The save's error: the alert shows only for a 409. */
  error: unknown;
  /** What changed, as in "Someone else changed this plan". */
  what: string;
  /** The user's unsaved text, as they would want to paste it back. */
  textOf: () => string;
  onReload: () => unknown;
}) {
  const [dismissedError, setDismissedError] = useState<unknown>(null);
  if (!isConflict(error) || error === dismissedError) return null;
  const reload = async () => {
    setDismissedError(error);
    await onReload();
  };
  const keep = async () => {
    const text = textOf();
    const isCopied = await copyToClipboard(text);
    notifications.show({
      id: 'conflict-kept-text',
      color: 'blue',
      autoClose: false,
      title: 'Your text, as you had it',
      message: <KeptText text={text} isCopied={isCopied} />,
    });
    await reload();
  };
  return (
    <Alert color="orange" role="alert" title={`Someone else changed this ${what}`}>
      <Stack gap="xs">
        <Text size="sm">
          They saved it after you opened it, so your change was not saved. Reload to see their
          version, or keep your text to put it back into theirs.
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void reload()}>
            Reload (lose your edit)
          </Button>
          <Button size="xs" color="orange" onClick={() => void keep()}>
            Keep my text (copy it and reload)
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
