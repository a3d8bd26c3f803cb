import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { anchorOf } from './plan-labels';

// What to do first on a plan with nothing in it: the checks would list every gap at once,
// so the rep gets the order that fills them instead.

const FIRST_STEPS: { part: string; text: string }[] = [
  { part: 'influences', text: 'Name the buying influences: the economic buyer and a coach first.' },
  { part: 'objectives', text: 'Write the objective of your next meeting, with a date.' },
  {
    part: 'steps',
    text: 'Add the action steps that get you there, each with an owner and a date.',
  },
  { part: 'winWin', text: "State the win-win: the buyer's result, their personal win and ours." },
  { part: 'competition', text: 'Name the competition, including doing nothing.' },
];

export function StartHere() {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Start here">
      <Title order={2} size="h4" mb="xs">
        Start here
      </Title>
      <List type="ordered" size="sm" spacing={4}>
        {FIRST_STEPS.map(({ part, text }) => (
          <List.Item key={part}>
            <Anchor href={`#${anchorOf(part)}`} size="sm">
              {text}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        The checks below then say what is still weak, as you type.
      </Text>
    </Card>
  );
}
