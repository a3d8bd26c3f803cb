import type { IsoDate } from './calendar';
import { parseIsoDate } from './calendar';
import { ValidationError } from './errors';
import { formatDay } from './day-format';

// When a check-in may be held (DOMAIN.md, "Rep plan"): it looks back on its period, so not before
// the period has started; before the period ends it is allowed (a rep on leave, a busy month's
// end), with a warning that the rest of the period is not in it.

export type CheckInPeriod = { periodStart: IsoDate; periodEnd: IsoDate };

export type CheckInTiming = { canRecord: boolean; warnings: string[] };

/** Whether a check-in held on `heldOn` may be recorded, and what to know when it is early. */
export function checkInTimingOf(period: CheckInPeriod, heldOn: IsoDate): CheckInTiming {
  parseIsoDate(heldOn, 'heldOn');
  if (heldOn < period.periodStart) {
    return {
      canRecord: false,
      warnings: [
        `The check-in's period starts on ${formatDay(period.periodStart, 'en')}: it can be recorded from then on.`,
      ],
    };
  }
  return {
    canRecord: true,
    warnings:
      heldOn < period.periodEnd
        ? [
            `The period runs until ${formatDay(period.periodEnd, 'en')}: held on ${formatDay(heldOn, 'en')}, the check-in leaves out what happens after that day.`,
          ]
        : [],
  };
}

/** Refuses a check-in held before its period starts (422 on `heldOn`); returns the warnings. */
export function checkCheckInTiming(period: CheckInPeriod, heldOn: IsoDate): string[] {
  const timing = checkInTimingOf(period, heldOn);
  if (!timing.canRecord) {
    throw new ValidationError({
      field: 'heldOn',
      reason: `the check-in's period starts on ${formatDay(period.periodStart, 'en')}: hold it then or later`,
    });
  }
  return timing.warnings;
}
