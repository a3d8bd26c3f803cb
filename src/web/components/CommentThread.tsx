import { useState } from 'react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatInstant } from './dates';
import { serverFieldErrors } from './form-errors';
import { ErrorAlert, TableSkeleton } from './PageStates';

// A plan's comment thread (rep plan, deal plan): oldest first, who and when on each, and a box
// for the two people who talk in it. Everyone else who sees the plan reads it.

export type ThreadComment = {
  id: string;
  author: { id: string; name: string };
  body: string;
  createdAt: string;
};

export function CommentThread({
  comments,
  add,
  canComment,
  roleOf,
  addedMessage,
  readOnlyNote,
}: {
  comments: UseQueryResult<ThreadComment[]>;
  add: UseMutationResult<ThreadComment, Error, string>;
  canComment: boolean;
  /** The author's part in the plan ("rep", "manager"), shown beside their name. */
  roleOf: (authorId: string) => string | null;
  /** The notification's line after a comment is saved: who sees it. */
  addedMessage: string;
  /** Said instead of the box to someone who reads the thread but does not write in it. */
  readOnlyNote?: string;
}) {
  const [body, setBody] = useState('');
  const errors = add.isError ? serverFieldErrors(add.error, ['body']) : {};
  const submit = () =>
    add.mutate(body, {
      onSuccess: () => {
        setBody('');
        notifications.show({ color: 'teal', title: 'Comment added', message: addedMessage });
      },
    });
  return (
    <Card withBorder padding="lg" component="section" aria-label="Comments" id="comments">
      <Title order={2} size="h4" mb="sm">
        Comments
      </Title>
      {comments.isPending && <TableSkeleton columns={1} rows={2} />}
      {comments.isError && (
        <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />
      )}
      {comments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {comments.data?.map((comment) => {
          const role = roleOf(comment.author.id);
          return (
            <li key={comment.id} aria-label={`Comment by ${comment.author.name}`}>
              <Text size="sm" fw={600} span>
                {comment.author.name}
              </Text>
              {role && (
                <Text size="xs" c="dimmed" span>
                  {' '}
                  ({role})
                </Text>
              )}
              <Text size="xs" c="dimmed" span>
                {' · '}
                <time dateTime={comment.createdAt}>{formatInstant(comment.createdAt)}</time>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.body}
              </Text>
            </li>
          );
        })}
      </Stack>
      {canComment ? (
        <Stack gap="xs" mt="md">
          <Textarea
            label="Add a comment"
            autosize
            minRows={2}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
          />
          {errors._form && <Alert color="red">{errors._form}</Alert>}
          <Group justify="flex-end">
            <Button loading={add.isPending} disabled={body.trim() === ''} onClick={submit}>
              Comment
            </Button>
          </Group>
        </Stack>
      ) : (
        readOnlyNote && (
          <Text size="xs" c="dimmed" mt="md">
            {readOnlyNote}
          </Text>
        )
      )}
    </Card>
  );
}
