import { z } from 'zod';
import { ACCOUNT_STATUSES } from '../domain/account';
import { ACTIVITY_STATUSES } from '../domain/activity';
import { ROLES } from '../domain/roles';

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

/** A field as people say it: the web page's label, a hint, and a value for the template. */
export type FieldLabel = { label: string; hint?: string; example: string };

const OWNER_HINT = 'their email, their name, or their user ID in your CRM';

/**
 * The one table of the fields' human names: the web Import page's mapping labels, and the header
 * row of each entity's template file (importTemplateCsv). A filled-in template maps itself.
 */
export const importFieldLabels: {
  [E in ImportEntity]: Record<(typeof importFields)[E][number], FieldLabel>;
} = {
  users: {
    externalId: { label: 'User ID', hint: 'the ID in your CRM', example: 'U-001' },
    name: { label: 'Name', example: 'Dana Seller' },
    email: { label: 'Email', example: 'dana@example.com' },
    role: { label: 'Role', hint: ROLES.join(', '), example: 'rep' },
    managerExternalId: { label: 'Manager', hint: OWNER_HINT, example: 'ann@example.com' },
    territory: { label: 'Territory', example: 'North' },
  },
  accounts: {
    externalId: { label: 'Account ID', hint: 'the ID in your CRM', example: 'A-001' },
    name: { label: 'Account name', example: 'Globex' },
    industry: { label: 'Industry', example: 'Manufacturing' },
    country: { label: 'Country', example: 'Germany' },
    employees: { label: 'Employees', example: '250' },
    annualRevenue: { label: 'Annual revenue', example: '12000000' },
    parentName: { label: 'Parent account', example: 'Globex Holding' },
    website: { label: 'Website', example: 'https://globex.example' },
    ownerExternalId: { label: 'Owner email', hint: OWNER_HINT, example: 'dana@example.com' },
    territory: { label: 'Territory', example: 'North' },
    status: { label: 'Status', hint: ACCOUNT_STATUSES.join(' or '), example: 'customer' },
  },
  contacts: {
    externalId: { label: 'Contact ID', hint: 'the ID in your CRM', example: 'C-001' },
    accountExternalId: { label: 'Account ID', example: 'A-001' },
    firstName: { label: 'First name', example: 'Hank' },
    lastName: { label: 'Last name', example: 'Scorpio' },
    title: { label: 'Job title', example: 'Head of purchasing' },
    email: { label: 'Email', example: 'hank@globex.example' },
    phone: { label: 'Phone', example: '+49 30 1234567' },
  },
  products: {
    externalId: { label: 'Product ID', hint: 'the ID in your CRM', example: 'P-001' },
    name: { label: 'Product name', example: 'GTX Pro' },
    series: { label: 'Product family', example: 'GTX' },
    listPrice: { label: 'List price', example: '4821.00' },
  },
  opportunities: {
    externalId: { label: 'Opportunity ID', hint: 'the ID in your CRM', example: 'O-001' },
    name: { label: 'Opportunity name', example: 'Globex renewal' },
    accountExternalId: { label: 'Account ID', example: 'A-001' },
    ownerExternalId: { label: 'Owner email', hint: OWNER_HINT, example: 'dana@example.com' },
    productExternalId: { label: 'Product', hint: 'its ID or name', example: 'P-001' },
    amount: { label: 'Amount', example: '12500.00' },
    stage: { label: 'Stage', example: 'Proposal' },
    createdOn: { label: 'Created date', example: '2026-03-04' },
    expectedCloseOn: { label: 'Expected close date', hint: 'open deals', example: '' },
    closedOn: { label: 'Closed date', hint: 'won or lost deals', example: '' },
    closeDate: {
      label: 'Close date',
      hint: 'closed on (won, lost) or expected (open)',
      example: '2026-06-30',
    },
    nextStep: { label: 'Next step', example: 'Send the quote' },
  },
  activities: {
    externalId: { label: 'Activity ID', hint: 'the ID in your CRM', example: 'T-001' },
    type: { label: 'Activity type', hint: 'one of your activity types', example: 'Meeting' },
    status: { label: 'Status', hint: ACTIVITY_STATUSES.join(' or '), example: 'done' },
    occursOn: { label: 'Date', example: '2026-03-10' },
    ownerExternalId: { label: 'Owner email', hint: OWNER_HINT, example: 'dana@example.com' },
    accountExternalId: { label: 'Account ID', example: 'A-001' },
    opportunityExternalId: { label: 'Opportunity ID', example: 'O-001' },
    contactExternalId: { label: 'Contact ID', example: 'C-001' },
    subject: { label: 'Subject', example: 'Kick-off meeting' },
    outcome: { label: 'Outcome', example: 'Agreed on a pilot' },
  },
};

/** The label table of one entity, as [field, label] in the import's order. */
export function fieldLabelsOf(entity: ImportEntity): [string, FieldLabel][] {
  const labels: Record<string, FieldLabel> = importFieldLabels[entity];
  return importFields[entity].map((field) => [field, labels[field] as FieldLabel]);
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A CSV to fill in: the fields' labels as its header, and one example row. */
export function importTemplateCsv(entity: ImportEntity): string {
  const fields = fieldLabelsOf(entity);
  return (
    [
      fields.map(([, field]) => quoted(field.label)).join(','),
      fields.map(([, field]) => quoted(field.example)).join(','),
    ].join('\r\n') + '\r\n'
  );
}

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

/** One CSV of an upload: the entity it holds and its column map (its bytes are a file part). */
export const UploadedFile = z.object({
  entity: ImportEntity,
  name: z.string().min(1).max(200),
  columns: ColumnMap,
});
export type UploadedFile = z.infer<typeof UploadedFile>;

/** The `request` field of a multipart import: the files in the order their parts follow. */
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

/** POST /api/import as multipart/form-data, for the OpenAPI document (the route streams it). */
export const ImportUpload = z.object({
  request: z.string().meta({ description: 'An ImportRequest as JSON, first' }),
  files: z.array(z.string().meta({ format: 'binary' })).meta({
    description: 'The CSV files, in the order of request.files, each up to the server limit',
  }),
});

/** What the Import page needs first: the upload limit and the user's last column maps. */
export const ImportSetup = z.object({
  maxFileBytes: z.number().int(),
  lastMappings: z.partialRecord(ImportEntity, ColumnMap),
});
export type ImportSetup = z.infer<typeof ImportSetup>;

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
