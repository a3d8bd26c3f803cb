import type { PlanTimelineEntry } from '../schemas/deal-plans';

// Turns the plan's audit entries into timeline sentences a rep reads at a deal review:
// "Objective 2 achieved", "Dana Ortiz moved from even keel to trouble",
// "Step 4 due date moved from 2026-12-01 to 2026-12-08".

export type PlanAuditEntry = {
  id: string;
  at: Date;
  userName: string | null;
  entityType: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
};

type Item = Record<string, unknown>;

// Fields that are bookkeeping or shown by another sentence, not changes a rep made.
const IGNORED = new Set([
  'id',
  'position',
  'modeHistory',
  'ownerName',
  'contactTitle',
  'completedOn',
]);

const LABELS: Record<string, string> = {
  title: 'title',
  who: 'who',
  whereWhen: 'where and when',
  informationToCollect: 'information to collect',
  how: 'how',
  desiredOutcome: 'desired outcome',
  dueOn: 'due date',
  status: 'status',
  role: 'role',
  influence: 'influence',
  responseMode: 'response mode',
  notes: 'notes',
  kind: 'kind',
  name: 'name',
  differentiators: 'differentiators',
  what: 'what',
  ownerId: 'owner',
  objectiveId: 'objective',
  influenceId: 'influence targeted',
  competitorId: 'competitor',
  dependsOnStepId: 'dependency',
  confidence: 'confidence',
  activityId: 'logged activity',
  buyerResult: "buyer's business result",
  buyerPersonalWin: "buyer's personal win",
  ourWin: 'our win',
};

const words = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? 'nothing'
    : String(value).replaceAll('_', ' ');

function changedFields(before: Item, after: Item) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !IGNORED.has(key))
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

function nameOf(entityType: string, item: Item): string {
  switch (entityType) {
    case 'single_sales_objective':
      return `Objective ${String(item.position ?? '')}`.trim();
    case 'buying_influence':
      return item.contactTitle
        ? `${String(item.contactName)} (${String(item.contactTitle)})`
        : String(item.contactName ?? 'A buying influence');
    case 'competitor':
      return item.kind === 'competitor'
        ? `Competitor ${String(item.name)}`
        : `Alternative "${words(item.kind)}"`;
    case 'action_step':
      return `Step ${String(item.position ?? '')}`.trim();
    default:
      return 'The win-win';
  }
}

function updateSentence(
  entityType: string,
  name: string,
  changes: ReturnType<typeof changedFields>,
) {
  const [first] = changes;
  if (!first) return `${name} saved without changes`;
  if (changes.length > 1)
    return `${name}: ${changes.map((c) => LABELS[c.field] ?? c.field).join(', ')} changed`;
  const { field, before, after } = first;
  if (field === 'status' && entityType === 'single_sales_objective')
    return `${name} ${words(after)}`;
  if (field === 'status' && entityType === 'action_step')
    return after === 'done' ? `${name} completed` : `${name} marked ${words(after)}`;
  if (field === 'responseMode') return `${name} moved from ${words(before)} to ${words(after)}`;
  if (field === 'dueOn') return `${name} due date moved from ${words(before)} to ${words(after)}`;
  if (field === 'activityId') return `${name}: activity logged`;
  const label = LABELS[field] ?? field;
  const isShort = (v: unknown) => typeof v !== 'string' || v.length <= 40;
  return isShort(before) && isShort(after) && typeof after !== 'object'
    ? `${name}: ${label} changed from ${words(before)} to ${words(after)}`
    : `${name}: ${label} changed`;
}

function summaryOf(entry: PlanAuditEntry, changes: ReturnType<typeof changedFields>): string {
  const item = (entry.after ?? entry.before ?? {}) as Item;
  const name = nameOf(entry.entityType, item);
  if (entry.entityType === 'action_step_order') return 'Steps reordered';
  if (entry.entityType === 'win_win')
    return `Win-win: ${changes.map((c) => LABELS[c.field] ?? c.field).join(', ') || 'saved'}`;
  if (entry.action === 'delete') return `${name} removed`;
  if (entry.action === 'create') {
    if (entry.entityType === 'buying_influence')
      return `${name} added as ${words(item.role)} buyer`;
    const label = String(item.title || item.what || '');
    return `${name} added${label ? `: ${label}` : ''}`;
  }
  return updateSentence(entry.entityType, name, changes);
}

export function toTimeline(entries: readonly PlanAuditEntry[]): PlanTimelineEntry[] {
  return entries.map((entry) => {
    const changes = changedFields((entry.before ?? {}) as Item, (entry.after ?? {}) as Item);
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      userName: entry.userName,
      summary: summaryOf(entry, changes),
      entityType: entry.entityType,
      action: entry.action,
      changes: entry.action === 'update' || entry.entityType === 'win_win' ? changes : [],
    };
  });
}
