// Two versions of a key-account plan compared in words, for its reviews: "Objective added:
// Become sole supplier", "Step 2 done", "Commitment changed".

export type PlanSnapshot = {
  cadence: string;
  commitment: string;
  objectives: readonly { id: string; description: string; dueOn: string | null }[];
  relationships: readonly {
    id: string;
    contactName: string;
    currentStrength: number;
    targetStrength: number;
  }[];
  steps: readonly { id: string; what: string; status: string; dueOn: string | null }[];
  benchmarks: readonly { id: string; metric: string; target: number }[];
};

function compareItems<Item extends { id: string }>(
  kind: string,
  before: readonly Item[],
  after: readonly Item[],
  label: (item: Item) => string,
  changes: (was: Item, now: Item) => string[],
): string[] {
  const was = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  return [
    ...after.flatMap((item) => {
      const old = was.get(item.id);
      return old ? changes(old, item) : [`${kind} added: ${label(item)}`];
    }),
    ...before.filter((item) => !now.has(item.id)).map((item) => `${kind} removed: ${label(item)}`),
  ];
}

export function describePlanChanges(before: PlanSnapshot, after: PlanSnapshot): string[] {
  return [
    ...(before.cadence !== after.cadence
      ? [`Reviews moved from ${before.cadence} to ${after.cadence}`]
      : []),
    ...(before.commitment !== after.commitment ? ['Commitment changed'] : []),
    ...compareItems(
      'Objective',
      before.objectives,
      after.objectives,
      (o) => o.description,
      (was, now) => [
        ...(was.description !== now.description ? [`Objective renamed: ${now.description}`] : []),
        ...(was.dueOn !== now.dueOn
          ? [`${now.description}: due ${was.dueOn ?? 'never'} → ${now.dueOn ?? 'never'}`]
          : []),
      ],
    ),
    ...compareItems(
      'Relationship',
      before.relationships,
      after.relationships,
      (r) => r.contactName,
      (was, now) =>
        was.currentStrength !== now.currentStrength || was.targetStrength !== now.targetStrength
          ? [
              `${now.contactName}: strength ${was.currentStrength}→${was.targetStrength} now ${now.currentStrength}→${now.targetStrength}`,
            ]
          : [],
    ),
    ...compareItems(
      'Step',
      before.steps,
      after.steps,
      (s) => s.what,
      (was, now) => [
        ...(was.status !== now.status ? [`${now.what}: ${was.status} → ${now.status}`] : []),
        ...(was.dueOn !== now.dueOn
          ? [`${now.what}: due ${was.dueOn ?? 'never'} → ${now.dueOn ?? 'never'}`]
          : []),
      ],
    ),
    ...compareItems(
      'Benchmark',
      before.benchmarks,
      after.benchmarks,
      (b) => b.metric,
      (was, now) =>
        was.target !== now.target ? [`${now.metric}: target ${was.target} → ${now.target}`] : [],
    ),
  ];
}
