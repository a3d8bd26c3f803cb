import { ACCOUNT_STATUSES } from '../../domain/account';
import type { DemoActivity } from './generate-activities';
import type { AccountProfile } from './generate-accounts';
import { activityTypes, type DemoSegment, type DemoSegmentNorm } from './generate-catalogue';
import { toDayNumber } from './day-numbers';
import { defaultActivityTypes } from '../organisations';
import type { Random } from './random';

// The demo's stored activity norms are what its own history shows: per segment, account status
// and activity type, the activities done in the twelve months before today per account, rounded.
// A rep plan's activity plan (norms × target accounts) then asks about what the team does, so
// plan vs actual shows reps above and below it rather than at ten or twenty times the plan.
// (The generator's own per-account care rates, generate-catalogue.ts, only shape the history.)

export function normsFromHistory(
  segments: readonly DemoSegment[],
  accounts: readonly AccountProfile[],
  activities: readonly DemoActivity[],
  anchorDay: number,
): DemoSegmentNorm[] {
  const groupOf = new Map(
    accounts.map((a) => [a.account.id, `${a.segmentCode}|${a.account.status}`]),
  );
  const accountsIn = new Map<string, number>();
  for (const group of groupOf.values()) accountsIn.set(group, (accountsIn.get(group) ?? 0) + 1);
  const done = new Map<string, number>();
  for (const activity of activities) {
    if (activity.status !== 'done') continue;
    const day = toDayNumber(activity.occursOn);
    if (day < anchorDay - 365 || day >= anchorDay) continue;
    const key = `${groupOf.get(activity.accountId) ?? ''}|${activity.type}`;
    done.set(key, (done.get(key) ?? 0) + 1);
  }
  return segments.flatMap((segment) =>
    ACCOUNT_STATUSES.flatMap((accountStatus) =>
      activityTypes.map((activityType) => {
        const group = `${segment.code}|${accountStatus}`;
        const count = done.get(`${group}|${activityType}`) ?? 0;
        return {
          segmentId: segment.id,
          accountStatus,
          activityType,
          countPerYear: Math.round(count / Math.max(1, accountsIn.get(group) ?? 0)),
        };
      }),
    ),
  );
}

/** The working weeks in the twelve months the history's pace is measured over. */
const WEEKS_PER_YEAR = 365 / 7;
/** Nobody sells more than a working week. */
const MAX_SELLING_HOURS_PER_WEEK = 40;

/**
 * Each rep's selling hours per week from the history: the hours their done activities of the
 * twelve months before today took (at the organisation's hours per activity type), and at least
 * the hours the norms ask for the accounts they work, with 12–25% to spare, in whole hours and
 * at most a working week. A rep who held 400 first meetings in a year had the hours for them, and
 * a territory is sized for the rep who works it, so a plan at the norms does not start over the
 * rep's capacity.
 */
export function sellingHoursFromHistory<U extends { id: string; sellingHoursPerWeek: number }>(
  random: Random,
  users: readonly U[],
  history: {
    repIds: ReadonlySet<string>;
    accounts: readonly AccountProfile[];
    norms: readonly DemoSegmentNorm[];
    activities: readonly DemoActivity[];
    anchorDay: number;
  },
): U[] {
  const hoursOf = new Map<string, number>(defaultActivityTypes.map((t) => [t.key, t.hours]));
  const spent = new Map<string, number>();
  const add = (ownerId: string, hours: number) =>
    spent.set(ownerId, (spent.get(ownerId) ?? 0) + hours);
  for (const activity of history.activities) {
    if (activity.status !== 'done') continue;
    const day = toDayNumber(activity.occursOn);
    if (day < history.anchorDay - 365 || day >= history.anchorDay) continue;
    add(activity.ownerId, hoursOf.get(activity.type) ?? 0);
  }
  const normHours = new Map<string, number>();
  for (const norm of history.norms) {
    const key = `${norm.segmentId}|${norm.accountStatus}`;
    normHours.set(
      key,
      (normHours.get(key) ?? 0) + norm.countPerYear * (hoursOf.get(norm.activityType) ?? 0),
    );
  }
  const needed = new Map<string, number>();
  for (const { account } of history.accounts) {
    const hours = normHours.get(`${account.segmentId}|${account.status}`) ?? 0;
    needed.set(account.ownerId, (needed.get(account.ownerId) ?? 0) + hours);
  }
  return users.map((user) => {
    if (!history.repIds.has(user.id)) return user;
    const hoursPerYear = Math.max(spent.get(user.id) ?? 0, needed.get(user.id) ?? 0);
    const perWeek = (hoursPerYear / WEEKS_PER_YEAR) * random.between(1.12, 1.25);
    return {
      ...user,
      sellingHoursPerWeek: Math.min(MAX_SELLING_HOURS_PER_WEEK, Math.ceil(perWeek)),
    };
  });
}
