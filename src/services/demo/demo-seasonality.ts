import { isWeekend, monthOfDay } from './day-numbers';
import { type Random, createWeightedSampler } from './random';

// Relative selling activity per month, January first: a strong March and Q4, a summer dip and a
// quiet December, so that seasonality derived from history has something to find.
export const monthWeights = [0.95, 1, 1.35, 1, 1, 0.95, 0.6, 0.5, 1.1, 1.25, 1.35, 0.8] as const;

/**
 * Draws working days from `firstDay` to `lastDay` (both included) by month weight, rising
 * linearly by `growth` over the range (a growing business books more each month).
 */
export function createSeasonalDaySampler(
  firstDay: number,
  lastDay: number,
  growth = 0,
): (random: Random) => number {
  const length = lastDay - firstDay + 1;
  const weights = Array.from({ length }, (_, offset) => {
    const day = firstDay + offset;
    if (isWeekend(day)) return 0;
    const trend = 1 - growth / 2 + (growth * offset) / Math.max(1, length - 1);
    return (monthWeights[monthOfDay(day) - 1] ?? 1) * trend;
  });
  const sample = createWeightedSampler(weights);
  return (random) => firstDay + sample(random);
}
