// A finding is what a check or a calculation tells the user: never an exception, always a
// sentence a rep understands, with the field to fix when there is one.

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The deal-plan check families (seed 000); other plans reuse `realistic` for capacity. */
export const CHECKS = ['logical', 'significant', 'realistic', 'valid', 'coverage'] as const;
export type Check = (typeof CHECKS)[number];

/** A plan's health from its findings' severities (see summariseFindings). */
export const HEALTHS = ['healthy', 'needs_attention', 'at_risk'] as const;
export type Health = (typeof HEALTHS)[number];

export type Finding = {
  check?: Check;
  code: string;
  severity: Severity;
  message: string;
  field?: string;
};

export type FindingSummary = {
  error: number;
  warning: number;
  info: number;
  total: number;
  /** 'healthy' with no error or warning, 'needs_attention' with warnings only, else 'at_risk'. */
  health: Health;
};

/** Counts findings by severity and names the plan's health. */
export function summariseFindings(findings: readonly Pick<Finding, 'severity'>[]): FindingSummary {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  const health = counts.error > 0 ? 'at_risk' : counts.warning > 0 ? 'needs_attention' : 'healthy';
  return { ...counts, total: findings.length, health };
}
