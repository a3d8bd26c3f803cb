import type { StageKind } from '../../domain/opportunity';
import type { ValueFormat } from '../../schemas/import';
import type { ImportLog } from './report';

// What converting a record needs to know: the organisation, how values are written, and the ids
// of what was imported before it (references point to earlier entities only).

export type StageRef = { id: string; name: string; kind: StageKind };

export type ImportContext = {
  orgId: string;
  orgSlug: string;
  currency: string;
  /** The import's day: stage changes of updated deals are dated with it. */
  today: string;
  format: ValueFormat;
  log: ImportLog;
  stageOf(sourceName: string): StageRef | null;
  activityTypeOf(text: string): string | null;
  ids: {
    users: Map<string, string>;
    accounts: Map<string, string>;
    products: Map<string, string>;
    territories: Map<string, string>;
    contacts: Map<string, string>;
  };
  /** Product external id or name, ignoring case, spaces and punctuation → external id. */
  productAliases: Map<string, string>;
};

/** The letters and digits of a name, lower-cased: 'GTX Pro' and 'GTXPro' are the same. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Resolves stage names: the user's map first, then the preset's aliases, then the org's names. */
export function stageResolver(
  stages: readonly StageRef[],
  stageMap: Readonly<Record<string, string>>,
  aliases: Readonly<Record<string, string>>,
): (sourceName: string) => StageRef | null {
  const byName = new Map(stages.map((stage) => [stage.name.toLowerCase(), stage]));
  const lower = (map: Readonly<Record<string, string>>) =>
    new Map(Object.entries(map).map(([from, to]) => [from.toLowerCase(), to.toLowerCase()]));
  const userMap = lower(stageMap);
  const aliasMap = lower(aliases);
  const cache = new Map<string, StageRef | null>();
  return (sourceName) => {
    const key = sourceName.toLowerCase();
    let stage = cache.get(key);
    if (stage === undefined) {
      const target = userMap.get(key) ?? (byName.has(key) ? key : aliasMap.get(key)) ?? key;
      stage = byName.get(target) ?? null;
      cache.set(key, stage);
    }
    return stage;
  };
}
