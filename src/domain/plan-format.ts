// The open plan format (docs/plan-format/): plans as JSON documents that refer to records by
// external id or email instead of Salesplan's ids, so a plan can come from or go to another tool.

/** The document kinds with a published JSON Schema (`GET /api/schemas/{name}`). */
export const PLAN_DOCUMENT_KINDS = [
  'deal-plan',
  'rep-plan',
  'team-plan',
  'key-account-plan',
  'strategy',
] as const;
export type PlanDocumentKind = (typeof PLAN_DOCUMENT_KINDS)[number];

export const PLAN_FORMAT_VERSION = 1;

/** A JSON path as people read it: `$.steps[2].owner.email`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`),
    '$',
  );
}
