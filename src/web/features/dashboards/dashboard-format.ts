import { toQueryString, type QueryValue } from '../../api/client';

// How the dashboards say their figures: rates as percentages with one decimal, coverage as a
// multiple, and every figure's drill-down as a link to the list of the rows behind it.

/** 0.4567 → '45.7%'; null (nothing to divide by) → '—'. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** 2.14 → '2.1×'; null → '—'. */
export function formatCoverage(coverage: number | null | undefined): string {
  if (coverage === null || coverage === undefined) return '—';
  return `${coverage.toFixed(1)}×`;
}

/** A table cell's coverage of the remaining target: null there means the target is already won. */
export function formatCoverageOfTarget(coverage: number | null | undefined): string {
  return coverage === null ? 'target won' : formatCoverage(coverage);
}

/** 'first_meeting' → 'first meeting', for an activity type the reference list does not name. */
export function humaniseKey(key: string): string {
  return key.replace(/_/g, ' ');
}

/** The opportunity list with these filters: `/opportunities?ownerId=…&status=won`. */
export function opportunitiesLink(filters: Record<string, QueryValue>): string {
  return `/opportunities${toQueryString(filters)}`;
}

/** The activity list with these filters. */
export function activitiesLink(filters: Record<string, QueryValue>): string {
  return `/activities${toQueryString(filters)}`;
}

/** A person's dashboard. */
export const repDashboardLink = (repId: string) => `/dashboards/rep/${repId}`;

/** A rep plan, as the Team page opens it. */
export const repPlanLink = (planId: string) => `/my-plan?plan=${planId}`;

/** Who the coverage sentence is about: "you need … your", "the team needs … the team's". */
export type CoverageSubject = { needs: string; their: string };
export const COVERAGE_SUBJECTS = {
  own: { needs: 'you need', their: 'your' },
  team: { needs: 'the team needs', their: "the team's" },
  organisation: { needs: 'needed', their: 'the' },
  rep: (name: string) => ({ needs: `${name} needs`, their: `${name}'s` }),
};

/**
 * "Coverage 2.1× — you need 3.3× (1 ÷ your 30.0% closing ratio)": the needed coverage is the
 * inverse of the closing ratio (DOMAIN.md, "Coverage"), so say where it comes from.
 */
export function describeCoverage(
  coverage: number | null,
  neededCoverage: number | null,
  subject: CoverageSubject,
): string {
  const has =
    coverage === null
      ? 'Coverage — (the target is won: none left to cover)'
      : `Coverage ${formatCoverage(coverage)}`;
  if (neededCoverage === null || neededCoverage <= 0) {
    return `${has} — no closing ratio yet to say what is needed`;
  }
  const closingRatio = formatRate(1 / neededCoverage);
  return `${has} — ${subject.needs} ${formatCoverage(neededCoverage)} (1 ÷ ${subject.their} ${closingRatio} closing ratio)`;
}
