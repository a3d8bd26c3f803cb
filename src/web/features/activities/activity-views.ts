import { addDays, isoWeekOf, isoWeekStart } from '../../../domain/calendar';
import type { Activity } from '../../../schemas/activities';

/** The Activities page's views: the agenda (overdue, today, coming days), a week, every activity. */
export const ACTIVITY_VIEWS = ['agenda', 'week', 'all'] as const;
export type ActivityView = (typeof ACTIVITY_VIEWS)[number];

export const ACTIVITY_VIEW_LABELS: Record<ActivityView, string> = {
  agenda: 'Agenda',
  week: 'Week',
  all: 'All',
};

export function isActivityView(text: string): text is ActivityView {
  return (ACTIVITY_VIEWS as readonly string[]).includes(text);
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** '2026-12-03' → 'Thursday, Dec 3' (reader's locale; the ISO day read in UTC). */
export function formatWeekday(day: string): string {
  return weekdayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** A day's heading relative to today: "Today", "Tomorrow", "Yesterday", else the weekday. */
export function dayHeading(day: string, today: string): string {
  if (day === today) return `Today · ${formatWeekday(day)}`;
  if (day === addDays(today, 1)) return `Tomorrow · ${formatWeekday(day)}`;
  if (day === addDays(today, -1)) return `Yesterday · ${formatWeekday(day)}`;
  return formatWeekday(day);
}

/** The agenda's group of an activity: overdue (planned before today), else its day. */
export function agendaGroupOf(today: string) {
  return (activity: Activity): string =>
    activity.status === 'planned' && activity.occursOn < today
      ? 'Overdue'
      : dayHeading(activity.occursOn, today);
}

/** An ISO week's Monday to Sunday; an unreadable week is the week of `today`. */
export function weekRange(week: string, today: string): { week: string; from: string; to: string } {
  let from: string;
  try {
    from = isoWeekStart(week);
  } catch {
    return weekRange(isoWeekOf(today), today);
  }
  return { week, from, to: addDays(from, 6) };
}

/** The ISO week `weeks` weeks after (or before) `week`. */
export function addWeeks(week: string, weeks: number, today: string): string {
  return isoWeekOf(addDays(weekRange(week, today).from, 7 * weeks));
}
