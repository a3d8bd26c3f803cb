import { Button, Group, Text } from '@mantine/core';
import { isoWeekOf } from '../../../domain/calendar';
import { formatDay } from '../../components/dates';
import { addWeeks } from './activity-views';

/** The week shown (Monday to Sunday of an ISO week), with the previous, next and current week. */
export function WeekNavigation({
  week,
  today,
  onChange,
}: {
  week: { week: string; from: string; to: string };
  today: string;
  /** The ISO week to show; null for the current one. */
  onChange: (week: string | null) => void;
}) {
  const isThisWeek = week.week === isoWeekOf(today);
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label="Week">
      <Button variant="default" size="sm" onClick={() => onChange(addWeeks(week.week, -1, today))}>
        ← Previous week
      </Button>
      <Text size="sm" fw={500} aria-live="polite" miw={190} ta="center">
        Week {Number(week.week.slice(6))}: {formatDay(week.from)} – {formatDay(week.to)}
      </Text>
      <Button variant="default" size="sm" onClick={() => onChange(addWeeks(week.week, 1, today))}>
        Next week →
      </Button>
      {!isThisWeek && (
        <Button variant="subtle" size="sm" onClick={() => onChange(null)}>
          This week
        </Button>
      )}
    </Group>
  );
}
