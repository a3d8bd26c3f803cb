import {
  type ImportEntity,
  importEntities,
  type MappingFile,
  type ValueFormat,
} from '../../schemas/import';
import type { NewOrganisation } from '../organisations';
import type { SourceItem } from './csv-reader';
import type { ImportLog } from './report';

// A preset turns what the user points at (a folder, a file, uploaded texts) into an import plan:
// the steps in order, how values are written, and the organisation to create if there is none.

export type ImportStep = {
  entity: ImportEntity;
  read(): AsyncIterable<SourceItem>;
  /** Users only: a record naming an existing user (by id, email or name) is left as it is. */
  isOnlyNew?: boolean;
};

export type ImportPlan = {
  organisation: {
    /** Used when no --org is given and there is no organisation yet. */
    defaultSlug?: string;
    name?: string;
    currency: string;
    stages?: NewOrganisation['stages'];
  };
  format: ValueFormat;
  /** The preset's own stage names → the organisation's (the user's stage map comes first). */
  stageAliases: Record<string, string>;
  steps: ImportStep[];
};

export type PresetInput = {
  /** A folder of CSV files, or one CSV file. */
  path: string;
  mapping?: MappingFile | undefined;
  /** Overrides of the preset's value format (CLI flags). */
  format: Partial<ValueFormat>;
  log: ImportLog;
};

export type Preset = (input: PresetInput) => Promise<ImportPlan>;

/** Steps in dependency order (`importEntities`): users before accounts before contacts… */
export function inEntityOrder(steps: ImportStep[]): ImportStep[] {
  return [...steps].sort(
    (a, b) => importEntities.indexOf(a.entity) - importEntities.indexOf(b.entity),
  );
}
