import { ACCOUNT_STATUSES } from '../../domain/account';
import type { DemoActivity } from './generate-activities';
import type { AccountProfile } from './generate-accounts';
import { activityTypes, type DemoSegment, type DemoSegmentNorm } from './generate-catalogue';
import { toDayNumber } from './day-numbers';

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
