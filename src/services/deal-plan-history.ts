import {
  COMPETITOR_KIND_LABELS,
  dayInWords,
  INFLUENCE_LABELS,
  MODE_LABELS,
  OBJECTIVE_STATUS_LABELS,
  OBJECTIVE_STATUS_VERBS,
  PLAN_FIELD_LABELS,
  type PlanPartKind,
  ROLE_AS,
  ROLE_LABELS,
  STEP_STATUS_LABELS,
  STEP_STATUS_VERBS,
} from '../domain/deal-plan-words';
import type { PlanTimelineEntry } from '../schemas/deal-plans';
import type { PlanParts } from './deal-plan-view';

// Turns the plan's audit entries into sentences a rep reads at a deal review: "Added Dana Ortiz
// as a coach", "Completed step 4: “Send the proposal”", "Changed the win-win: our win “…”".
// The words are the domain's (deal-plan-words.ts); ids are named from the plan and from the
// snapshots in its history (a removed step keeps its name), never shown as they are.

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
type Change = { field: string; before: unknown; after: unknown };

const PART_OF: Record<string, PlanPartKind> = {
  single_sales_objective: 'objective',
  buying_influence: 'influence',
  competitor: 'competitor',
  action_step: 'step',
  win_win: 'winWin',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const quote = (value: string) => `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;
const labelIn = <T extends string>(labels: Record<T, string>, value: unknown) =>
  labels[value as T] ?? text(value);

/** The names of everything the plan has had, by id: its current parts, then its history. */
export type PlanNames = {
  objectives: Map<string, string>;
  influences: Map<string, string>;
  competitors: Map<string, string>;
  steps: Map<string, string>;
  users: Map<string, string>;
};

function nameOf(part: PlanPartKind, item: Item): string {
  switch (part) {
    case 'objective':
      return `objective ${String(item.position ?? '')}`.trim();
    case 'influence':
      return text(item.contactName) || 'a buying influence';
    case 'competitor':
      return item.kind === 'competitor'
        ? `competitor ${text(item.name)}`
        : `the alternative ${quote(labelIn(COMPETITOR_KIND_LABELS, item.kind))}`;
    case 'step':
      return `step ${String(item.position ?? '')}`.trim();
    case 'winWin':
      return 'the win-win';
  }
}

/** What an item is called where another refers to it: "objective 1 “Meet the CFO”". */
function referenceOf(part: PlanPartKind, item: Item): string {
  const label = text(item.title) || text(item.what);
  return label ? `${nameOf(part, item)} ${quote(label)}` : nameOf(part, item);
}

export function planNamesOf(
  entries: readonly PlanAuditEntry[],
  current?: Pick<PlanParts, 'objectives' | 'influences' | 'competition' | 'steps'>,
): PlanNames {
  const names: PlanNames = {
    objectives: new Map(),
    influences: new Map(),
    competitors: new Map(),
    steps: new Map(),
    users: new Map(),
  };
  const maps = {
    objective: names.objectives,
    influence: names.influences,
    competitor: names.competitors,
    step: names.steps,
  };
  const remember = (part: PlanPartKind | undefined, item: Item) => {
    if (typeof item.ownerId === 'string' && typeof item.ownerName === 'string')
      names.users.set(item.ownerId, item.ownerName);
    if (typeof item.id === 'string' && part && part !== 'winWin')
      maps[part].set(item.id, referenceOf(part, item));
  };
  // Oldest first, then the plan as it is: the latest name of each item wins.
  for (const entry of [...entries].reverse())
    for (const snapshot of [entry.before, entry.after])
      if (snapshot && typeof snapshot === 'object')
        remember(PART_OF[entry.entityType], snapshot as Item);
  for (const objective of current?.objectives ?? []) remember('objective', objective);
  for (const influence of current?.influences ?? []) remember('influence', influence);
  for (const competitor of current?.competition ?? []) remember('competitor', competitor);
  for (const step of current?.steps ?? []) remember('step', step);
  return names;
}

function valueInWords(part: PlanPartKind, field: string, value: unknown, names: PlanNames) {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value))
    return value.length === 0
      ? 'none'
      : value.map((id) => names.influences.get(String(id)) ?? 'a removed influence').join(', ');
  const id = String(value);
  switch (field) {
    case 'dueOn':
      return dayInWords(id);
    case 'status':
      return part === 'step'
        ? labelIn(STEP_STATUS_LABELS, value)
        : labelIn(OBJECTIVE_STATUS_LABELS, value);
    case 'role':
      return labelIn(ROLE_LABELS, value);
    case 'influence':
      return labelIn(INFLUENCE_LABELS, value);
    case 'responseMode':
      return labelIn(MODE_LABELS, value);
    case 'kind':
      return labelIn(COMPETITOR_KIND_LABELS, value);
    case 'confidence':
      return `${id} of 5`;
    case 'ownerId':
      return names.users.get(id) ?? 'another user';
    case 'objectiveId':
      return names.objectives.get(id) ?? 'a removed objective';
    case 'influenceId':
      return names.influences.get(id) ?? 'a removed influence';
    case 'competitorId':
      return names.competitors.get(id) ?? 'a removed competitor';
    case 'dependsOnStepId':
      return names.steps.get(id) ?? 'a removed step';
    case 'activityId':
      return 'an activity';
    case 'contactId':
      return 'another contact';
    default:
      return quote(id);
  }
}

function changedFields(part: PlanPartKind | undefined, before: Item, after: Item): Change[] {
  if (!part) return [];
  const labels: Record<string, string> = PLAN_FIELD_LABELS[part];
  return Object.keys(labels)
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

const listInWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

function updateSentence(part: PlanPartKind, item: Item, changes: Change[], names: PlanNames) {
  const name = nameOf(part, item);
  const labels: Record<string, string> = PLAN_FIELD_LABELS[part];
  const words = (c: Change, value: unknown) => valueInWords(part, c.field, value, names);
  if (part === 'winWin')
    return `Changed the win-win: ${changes.map((c) => `${labels[c.field]} ${words(c, c.after)}`).join('; ')}`;
  const [first] = changes;
  if (!first) return `Saved ${name} without changes`;
  if (changes.length > 1)
    return `Changed the ${listInWords(changes.map((c) => labels[c.field] ?? c.field))} of ${name}`;
  const label = labels[first.field] ?? first.field;
  if (first.field === 'status' && part === 'step')
    return `${labelIn(STEP_STATUS_VERBS, first.after)} ${referenceOf(part, item)}`;
  if (first.field === 'status' && part === 'objective')
    return `${labelIn(OBJECTIVE_STATUS_VERBS, first.after)} ${referenceOf(part, item)}`;
  if (first.field === 'activityId' && first.after) return `Logged an activity for ${name}`;
  const after = words(first, first.after);
  const before = words(first, first.before);
  const isText = typeof first.after === 'string' && !(first.field in SHORT_FIELDS);
  return isText || before === 'none'
    ? `Set the ${label} of ${name} to ${after}`
    : `Changed the ${label} of ${name} from ${before} to ${after}`;
}

// Fields whose values are names or dates, said "from … to …"; other text is quoted as set.
const SHORT_FIELDS = {
  dueOn: true,
  status: true,
  role: true,
  influence: true,
  responseMode: true,
  kind: true,
  ownerId: true,
  objectiveId: true,
  influenceId: true,
  competitorId: true,
  dependsOnStepId: true,
};

function summaryOf(entry: PlanAuditEntry, changes: Change[], names: PlanNames): string {
  const part = PART_OF[entry.entityType];
  if (entry.entityType === 'action_step_order') return 'Reordered the action steps';
  if (!part) return 'Changed the plan';
  const item = (entry.after ?? entry.before ?? {}) as Item;
  if (entry.action === 'delete')
    return part === 'influence'
      ? `Removed ${nameOf(part, item)} from the buying influences`
      : `Removed ${referenceOf(part, item)}`;
  if (entry.action === 'create') {
    if (part === 'influence')
      return `Added ${nameOf(part, item)} as ${labelIn(ROLE_AS, item.role)}`;
    const label = text(item.title) || text(item.what);
    return `Added ${nameOf(part, item)}${label ? `: ${quote(label)}` : ''}`;
  }
  return updateSentence(part, item, changes, names);
}

/** One line per changed field, for an entry that changed more than one. */
function detailsOf(entry: PlanAuditEntry, changes: Change[], names: PlanNames): string[] {
  const part = PART_OF[entry.entityType];
  if (!part || entry.action !== 'update' || changes.length < 2 || part === 'winWin') return [];
  const labels: Record<string, string> = PLAN_FIELD_LABELS[part];
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return changes.map(
    (c) =>
      `${capital(labels[c.field] ?? c.field)}: ${valueInWords(part, c.field, c.before, names)} → ${valueInWords(part, c.field, c.after, names)}`,
  );
}

export function toTimeline(
  entries: readonly PlanAuditEntry[],
  names: PlanNames = planNamesOf(entries),
): PlanTimelineEntry[] {
  return entries.map((entry) => {
    const part = PART_OF[entry.entityType];
    const changes = changedFields(part, (entry.before ?? {}) as Item, (entry.after ?? {}) as Item);
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      userName: entry.userName,
      summary: summaryOf(entry, changes, names),
      details: detailsOf(entry, changes, names),
      entityType: entry.entityType,
      action: entry.action,
      changes: entry.action === 'update' || entry.entityType === 'win_win' ? changes : [],
    };
  });
}
