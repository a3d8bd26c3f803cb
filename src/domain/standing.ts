// Where a rep (or a team) stands against what was due by today (issue 17): one rule for the
// attainment to date and for the activities done against those planned to date, so the same
// figure reads the same on the dashboards, the Team page, a plan and a check-in.

/** The bands of a figure to date, best first. */
export const STANDING_BANDS = ['on_track', 'slightly_behind', 'behind'] as const;
export type StandingBand = (typeof STANDING_BANDS)[number];

/** The figures a verdict is given for. */
export const STANDING_FIGURES = ['attainment', 'activity', 'first_meetings'] as const;
export type StandingFigure = (typeof STANDING_FIGURES)[number];

// 100% is the plan itself: under it the rep is short, and a manager should see it; under 80%
// the gap is more than a slow month can explain, and it needs a conversation.
/** At or above this share of what was due: on track. */
export const ON_TRACK_FROM = 1;
/** Under this share of what was due: behind (80%, kept as the fraction 4/5 to compare exactly). */
export const BEHIND_BELOW = 0.8;

/**
 * The band of `done` (won revenue, activities done) against `due` (the target, the activities
 * planned) to date; null when nothing is due yet. Compared in integers: 80% is exactly 80%.
 */
export function standingOf(done: number, due: number): StandingBand | null {
  if (due <= 0) return null;
  if (done >= due * ON_TRACK_FROM) return 'on_track';
  if (done * 5 >= due * 4) return 'slightly_behind';
  return 'behind';
}

/** The words of each band, per figure: the same words on every page. */
export const STANDING_WORDS: Record<StandingFigure, Record<StandingBand, string>> = {
  attainment: {
    on_track: 'On track',
    slightly_behind: 'Slightly behind target',
    behind: 'Behind target',
  },
  activity: {
    on_track: 'Activity on track',
    slightly_behind: 'Slightly behind on activity',
    behind: 'Behind on activity',
  },
  // First meetings held against those the rep plan's funnel needs by now.
  first_meetings: {
    on_track: 'On pace',
    slightly_behind: 'Slightly behind pace',
    behind: 'Behind pace',
  },
};

/** The one sentence that explains the bands, shown where a verdict is. */
export const STANDING_RULE =
  'On track means 100% or more of the target (or of the planned activities) to date; slightly behind, 80% to under 100%; behind, under 80%.';

/** The short word of a band beside a single count ("6 of 10 calls: behind"). */
export const STANDING_SHORT_WORDS: Record<StandingBand, string> = {
  on_track: 'on track',
  slightly_behind: 'slightly behind',
  behind: 'behind',
};
