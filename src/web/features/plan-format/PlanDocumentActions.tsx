import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, errorMessage, type FieldIssue } from '../../api/client';

// A plan page's "Download (JSON)" and "Import from JSON" (docs/plan-format/): the plan as an
// open plan document, and a document read back into it with each problem named by its path.

/** Saves the plan's document as a .json file. */
async function downloadDocument(documentPath: string, fileName: string) {
  const document = await api.get<unknown>(documentPath);
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' }),
  );
  const link = Object.assign(window.document.createElement('a'), {
    href: url,
    download: `${fileName}.json`,
  });
  link.click();
  URL.revokeObjectURL(url);
}

/** The file as JSON, or a problem at its root when it is not JSON at all. */
async function readDocument(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(422, 'unprocessable', 'The file is not JSON.', [
      { field: '$', reason: 'is not a JSON document' },
    ]);
  }
}

export function PlanDocumentActions({
  documentPath,
  fileName,
  canImport,
  refreshKeys,
  importNote,
}: {
  /** `/api/rep-plans/<id>/document`: GET writes the document, POST reads one in. */
  documentPath: string;
  /** The download's name, without `.json`. */
  fileName: string;
  /** The caller may write the plan: the import is offered. */
  canImport: boolean;
  /** The queries the imported plan replaces. */
  refreshKeys: QueryKey[];
  /** What an import does to this plan, said before the file is picked. */
  importNote: string;
}) {
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const download = useMutation({
    mutationFn: () => downloadDocument(documentPath, fileName),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) }),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<unknown>(documentPath, await readDocument(file)),
    onMutate: () => setProblems(null),
    onSuccess: async () => {
      await Promise.all(refreshKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      notifications.show({ color: 'green', message: 'Plan imported from the JSON file' });
    },
    onError: (error) =>
      setProblems({
        message: errorMessage(error),
        issues: error instanceof ApiError ? error.issues : [],
      }),
  });
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          loading={download.isPending}
          onClick={() => download.mutate()}
        >
          Download (JSON)
        </Button>
        {canImport && (
          <FileButton
            accept="application/json,.json"
            onChange={(file) => file && upload.mutate(file)}
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                loading={upload.isPending}
                title={importNote}
              >
                Import from JSON
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {problems && (
        <Alert
          color="red"
          title="The file was not imported"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setProblems(null)}
        >
          {problems.issues.length === 0 ? (
            <Text size="sm">{problems.message}</Text>
          ) : (
            <List size="sm">
              {problems.issues.map((issue) => (
                <List.Item key={`${issue.field}:${issue.reason}`}>
                  <Text span ff="monospace" size="sm">
                    {issue.field}
                  </Text>{' '}
                  {issue.reason}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
