// A finding is what a check or a calculation tells the user: never an exception, always a
// sentence a rep understands, with the field to fix when there is one.

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The deal-plan check families (seed 000); other plans reuse `realistic` for capacity. */
export type Check = 'logical' | 'significant' | 'realistic' | 'valid' | 'coverage';

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
  health: 'healthy' | 'needs_attention' | 'at_risk';
};

/** Counts findings by severity and names the plan's health. */
export function summariseFindings(findings: readonly Pick<Finding, 'severity'>[]): FindingSummary {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  const health = counts.error > 0 ? 'at_risk' : counts.warning > 0 ? 'needs_attention' : 'healthy';
  return { ...counts, total: findings.length, health };
}
