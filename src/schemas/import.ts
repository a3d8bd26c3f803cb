import { z } from 'zod';

// CSV import (docs/IMPORT.md): the mapping file, the stage map, the report, and the API bodies.
// The CLI, the API and the web Import page all read these.

export const importPresets = ['generic', 'salesforce', 'hubspot', 'maven-crm'] as const;
export const ImportPreset = z.enum(importPresets);
export type ImportPreset = z.infer<typeof ImportPreset>;

/** What an import can bring in, in the order it is written (references point backwards). */
export const importEntities = [
  'users',
  'accounts',
  'contacts',
  'products',
  'opportunities',
  'activities',
] as const;
export const ImportEntity = z.enum(importEntities);
export type ImportEntity = z.infer<typeof ImportEntity>;

/** The Salesplan fields each entity's CSV columns can map to. */
export const importFields = {
  users: ['externalId', 'name', 'email', 'role', 'managerExternalId', 'territory'],
  accounts: [
    'externalId',
    'name',
    'industry',
    'country',
    'employees',
    'annualRevenue',
    'parentName',
    'website',
    'ownerExternalId',
    'territory',
    'status',
  ],
  contacts: ['externalId', 'accountExternalId', 'firstName', 'lastName', 'title', 'email', 'phone'],
  products: ['externalId', 'name', 'series', 'listPrice'],
  opportunities: [
    'externalId',
    'name',
    'accountExternalId',
    'ownerExternalId',
    'productExternalId',
    'amount',
    'stage',
    'createdOn',
    'expectedCloseOn',
    'closedOn',
    'closeDate',
    'nextStep',
    'pipeline',
  ],
  activities: [
    'externalId',
    'type',
    'status',
    'occursOn',
    'ownerExternalId',
    'accountExternalId',
    'opportunityExternalId',
    'contactExternalId',
    'subject',
    'outcome',
  ],
} as const satisfies Record<ImportEntity, readonly string[]>;

export const DateOrder = z.enum(['dmy', 'mdy']);
export type DateOrder = z.infer<typeof DateOrder>;
export const DecimalSeparator = z.enum(['.', ',']);

/** How dates and numbers are written in the files (docs/IMPORT.md, "Values"). */
export const ValueFormat = z.object({
  dateOrder: DateOrder.nullable().default(null),
  decimalSeparator: DecimalSeparator.default('.'),
});
export type ValueFormat = z.infer<typeof ValueFormat>;

/** Salesplan field → CSV header, for one entity's file. */
export const ColumnMap = z.record(z.string(), z.string().min(1));
export type ColumnMap = z.infer<typeof ColumnMap>;

export const MappedFile = z.object({ file: z.string().min(1), columns: ColumnMap });

/** The `generic` preset's mapping file: which file holds each entity, and its columns. */
export const MappingFile = z
  .object({
    entities: z.partialRecord(ImportEntity, MappedFile),
    dateOrder: DateOrder.optional(),
    decimalSeparator: DecimalSeparator.optional(),
  })
  .superRefine((mapping, context) => {
    for (const [entity, mapped] of Object.entries(mapping.entities)) {
      const known: readonly string[] = importFields[entity as ImportEntity];
      for (const field of Object.keys(mapped?.columns ?? {})) {
        if (!known.includes(field)) {
          context.addIssue({
            code: 'custom',
            path: ['entities', entity, 'columns', field],
            message: `is not a ${entity} field (one of ${known.join(', ')})`,
          });
        }
      }
    }
  });
export type MappingFile = z.infer<typeof MappingFile>;

/** Source stage name → the organisation's stage name. */
export const StageMap = z.record(z.string().min(1), z.string().min(1));
export type StageMap = z.infer<typeof StageMap>;

export const ImportProblem = z.object({
  file: z.string(),
  line: z.number().int().min(0),
  column: z.string(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const EntityCounts = z.object({
  read: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type EntityCounts = z.infer<typeof EntityCounts>;

/** A fact about the data worth knowing, counted: a quirk handled, never silently. */
export const ImportNote = z.object({ code: z.string(), message: z.string(), count: z.number() });
export type ImportNote = z.infer<typeof ImportNote>;

export const ImportReport = z.object({
  preset: ImportPreset,
  organisation: z.object({ slug: z.string(), isNew: z.boolean() }),
  status: z.enum(['imported', 'dry_run', 'rejected']),
  counts: z.partialRecord(z.enum([...importEntities, 'territories']), EntityCounts),
  /** Opportunities per stage after the import (the organisation's whole pipeline). */
  opportunitiesByStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  notes: z.array(ImportNote),
  problems: z.array(ImportProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** One CSV uploaded through the API, as text, with the entity it holds and its column map. */
export const UploadedFile = z.object({
  entity: ImportEntity,
  name: z.string().min(1).max(200),
  content: z.string(),
  columns: ColumnMap,
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const ImportRequest = z.object({
  files: z.array(UploadedFile).min(1).max(6),
  dateOrder: DateOrder.nullable().default(null),
  decimalSeparator: DecimalSeparator.default('.'),
  stageMap: StageMap.default({}),
  skipBadRows: z.boolean().default(false),
  /** Check and count everything, save nothing: the report lists every row's problems. */
  dryRun: z.boolean().default(true),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const PreviewRequest = z.object({
  content: z.string(),
  rows: z.number().int().min(1).max(50).default(10),
});
export const PreviewResponse = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Salesplan field → header, guessed by matching names; the user confirms. */
  suggestedColumns: z.partialRecord(ImportEntity, ColumnMap),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;
