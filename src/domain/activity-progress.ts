import { isoWeekOf, parseIsoDate } from './calendar';
import type { IsoDate, IsoWeek } from './calendar';

// Planned vs done activities (DOMAIN.md, KPIs), per activity type, per ISO week and to date.
// "To date" takes the plan of every week up to and including the current one: the week's plan
// is what the rep committed to for that week.

export type PlannedWeek = { week: IsoWeek; counts: Record<string, number> };
export type DoneActivity = { activityType: string; doneOn: IsoDate };

export type ActivityProgressRow = {
  activityType: string;
  planned: number;
  done: number;
  ratio: number | null;
};

export type ActivityProgress = {
  toDate: ActivityProgressRow[];
  byWeek: { week: IsoWeek; rows: ActivityProgressRow[] }[];
};

function row(activityType: string, planned: number, done: number): ActivityProgressRow {
  return { activityType, planned, done, ratio: planned === 0 ? null : done / planned };
}

/** Compares the weekly plan with the activities done, per week and up to today's week. */
export function activityProgress(
  plan: readonly PlannedWeek[],
  done: readonly DoneActivity[],
  today: IsoDate,
): ActivityProgress {
  const currentWeek = isoWeekOf(parseIsoDate(today, 'today'));
  const types = [
    ...new Set([
      ...plan.flatMap((week) => Object.keys(week.counts)),
      ...done.map((a) => a.activityType),
    ]),
  ].sort();
  const doneByWeek = new Map<IsoWeek, Map<string, number>>();
  for (const activity of done) {
    const week = isoWeekOf(activity.doneOn);
    const counts = doneByWeek.get(week) ?? new Map<string, number>();
    counts.set(activity.activityType, (counts.get(activity.activityType) ?? 0) + 1);
    doneByWeek.set(week, counts);
  }
  const weeks = [...new Set([...plan.map((week) => week.week), ...doneByWeek.keys()])]
    .filter((week) => week <= currentWeek)
    .sort();
  const plannedIn = (week: IsoWeek, type: string) =>
    plan
      .filter((entry) => entry.week === week)
      .reduce((sum, entry) => sum + (entry.counts[type] ?? 0), 0);
  const byWeek = weeks.map((week) => ({
    week,
    rows: types.map((type) =>
      row(type, plannedIn(week, type), doneByWeek.get(week)?.get(type) ?? 0),
    ),
  }));
  const toDate = types.map((type, t) =>
    row(
      type,
      byWeek.reduce((sum, week) => sum + (week.rows[t]?.planned ?? 0), 0),
      byWeek.reduce((sum, week) => sum + (week.rows[t]?.done ?? 0), 0),
    ),
  );
  return { toDate, byWeek };
}
