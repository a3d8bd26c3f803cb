import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatInstant } from '../../components/dates';
import { serverFieldErrors } from '../../components/form-errors';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { useAddRepPlanComment, useRepPlanComments } from './useRepPlanComments';

/** The rep's and the manager's comments on the plan, oldest first; both may add one. */
export function RepPlanComments({ plan, userId }: { plan: RepPlan; userId: string }) {
  const comments = useRepPlanComments(plan.id);
  const add = useAddRepPlanComment(plan.id);
  const [body, setBody] = useState('');
  const canComment = userId === plan.rep.id || userId === plan.manager?.id;
  const errors = add.isError ? serverFieldErrors(add.error, ['body']) : {};
  const roleOf = (authorId: string) =>
    authorId === plan.rep.id ? 'rep' : authorId === plan.manager?.id ? 'manager' : null;
  const submit = () =>
    add.mutate(body, {
      onSuccess: () => {
        setBody('');
        const other =
          userId === plan.rep.id ? (plan.manager?.name ?? 'your manager') : plan.rep.name;
        notifications.show({
          color: 'teal',
          title: 'Comment added',
          message: `${other} sees it on the plan.`,
        });
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
      {canComment && (
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
      )}
    </Card>
  );
}
