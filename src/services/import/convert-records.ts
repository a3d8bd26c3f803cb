import { ACCOUNT_STATUSES } from '../../domain/account';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../domain/activity';
import type { SourceRecord } from './csv-reader';
import { type ImportContext, looseKey } from './context';
import { RecordReader } from './record-reader';

// One function per entity: a mapped CSV record → the column values to upsert, or its problems.
// Users are converted apart (users.ts): their managers point at each other.

export type ConvertedRow = { externalId: string; line: number; values: Record<string, unknown> };
export type Conversion = { row: ConvertedRow } | { problems: RecordReader['problems'] };
export type Converter = (record: SourceRecord, context: ImportContext) => Conversion;

function done(reader: RecordReader, values: Record<string, unknown>): Conversion {
  if (reader.problems.length > 0) return { problems: reader.problems };
  const externalId = reader.record.values.externalId ?? '';
  return { row: { externalId, line: reader.record.line, values } };
}

function productId(reader: RecordReader, context: ImportContext): string | null {
  const text = reader.text('productExternalId');
  if (text === null) return null;
  const exact = context.ids.products.get(text);
  if (exact) return exact;
  const alias = context.productAliases.get(looseKey(text));
  const id = alias === undefined ? undefined : context.ids.products.get(alias);
  if (alias === undefined || id === undefined) {
    reader.fail('productExternalId', `no product "${text}"`);
    return null;
  }
  context.log.note(
    `product-alias:${text}`,
    `product "${text}" taken as "${alias}" (the same name but for spaces, case or punctuation)`,
  );
  return id;
}

export const convertAccount: Converter = (record, context) => {
  const reader = new RecordReader(record, context.format);
  reader.required('externalId', 'the account id');
  const values = {
    name: reader.required('name', 'the account name'),
    industry: reader.text('industry'),
    country: reader.text('country'),
    employees: reader.count('employees'),
    annual_revenue_minor: reader.money('annualRevenue', context.currency),
    parent_name: reader.text('parentName'),
    website: reader.text('website'),
    owner_id: reader.userReference('ownerExternalId', context.ids.users),
    territory_id: reader.reference('territory', context.ids.territories, 'territory'),
    status: reader.oneOf('status', ACCOUNT_STATUSES) ?? 'prospect',
  };
  return done(reader, values);
};

export const convertContact: Converter = (record, context) => {
  const reader = new RecordReader(record, context.format);
  reader.required('externalId', 'the contact id');
  reader.required('accountExternalId', 'the account');
  const values = {
    account_id: reader.reference('accountExternalId', context.ids.accounts, 'account'),
    first_name: reader.text('firstName') ?? '',
    last_name: reader.required('lastName', 'the last name'),
    title: reader.text('title'),
    email: reader.text('email')?.toLowerCase() ?? null,
    phone: reader.text('phone'),
  };
  return done(reader, values);
};

export const convertProduct: Converter = (record, context) => {
  const reader = new RecordReader(record, context.format);
  reader.required('externalId', 'the product id');
  const values = {
    name: reader.required('name', 'the product name'),
    series: reader.text('series'),
    list_price_minor: reader.money('listPrice', context.currency),
    currency: context.currency,
  };
  return done(reader, values);
};

export const convertOpportunity: Converter = (record, context) => {
  const reader = new RecordReader(record, context.format);
  reader.required('externalId', 'the opportunity id');
  reader.required('ownerExternalId', 'the owner');
  const stageName = reader.required('stage', 'the stage');
  const stage = stageName === '' ? null : stageOfPipeline(reader, context, stageName);
  if (stageName !== '' && stage === null) {
    reader.fail('stage', `"${stageName}" is not one of the organisation's stages: map it`);
    context.log.note(`unknown-stage:${stageName}`, `stage "${stageName}" is not mapped`);
  }
  const createdOn = reader.date('createdOn');
  if (createdOn === null && reader.text('createdOn') === null) {
    reader.fail('createdOn', 'the created date is missing');
  }
  const closeDate = reader.date('closeDate');
  const isClosed = stage !== null && stage.kind !== 'open';
  const closedOn = reader.date('closedOn') ?? (isClosed ? closeDate : null);
  const expectedCloseOn = reader.date('expectedCloseOn') ?? (isClosed ? null : closeDate);
  if (isClosed && closedOn === null && reader.problems.length === 0) {
    reader.fail('closeDate', `a ${stage.kind} deal needs its close date`);
  }
  if (!isClosed && reader.text('closedOn') !== null) {
    reader.fail('closedOn', `an open deal (${stageName}) has no closed date`);
  }
  if (createdOn !== null && closedOn !== null && closedOn < createdOn) {
    const field = reader.text('closedOn') === null ? 'closeDate' : 'closedOn';
    reader.fail(field, `closed on ${closedOn}, before it was created (${createdOn})`);
  }
  const amount = reader.money('amount', context.currency);
  const values = {
    name: reader.required('name', 'the opportunity name'),
    account_id: reader.reference('accountExternalId', context.ids.accounts, 'account'),
    owner_id: reader.userReference('ownerExternalId', context.ids.users),
    product_id: productId(reader, context),
    amount_minor: amount ?? 0,
    currency: context.currency,
    stage_id: stage?.id ?? null,
    created_on: createdOn,
    expected_close_on: expectedCloseOn,
    closed_on: closedOn,
    next_step: reader.text('nextStep'),
  };
  if (reader.problems.length === 0) noteOpportunityGaps(reader, context, isClosed);
  return done(reader, values);
};

/**
 * A CRM with several pipelines (HubSpot) names stages per pipeline: "Renewals: Closed Won" in the
 * stage map first, then the stage's own name. Deals are counted per pipeline in the summary.
 */
function stageOfPipeline(reader: RecordReader, context: ImportContext, stageName: string) {
  const pipeline = reader.text('pipeline');
  if (pipeline === null) return context.stageOf(stageName);
  context.log.note(`pipeline:${pipeline}`, `deals of the pipeline "${pipeline}"`);
  return context.stageOf(`${pipeline}: ${stageName}`) ?? context.stageOf(stageName);
}

// Gaps an opportunity may have: imported as they are, and counted in the summary.
function noteOpportunityGaps(reader: RecordReader, context: ImportContext, isClosed: boolean) {
  const state = isClosed ? 'closed' : 'open';
  if (reader.text('accountExternalId') === null) {
    context.log.note(`${state}-without-account`, `${state} deals without an account: kept without`);
  }
  if (reader.text('amount') === null) {
    context.log.note(
      `${state}-without-amount`,
      `${state} deals without an amount: amount 0 (unknown), so they add nothing to pipeline value`,
    );
  }
  if (!isClosed && reader.text('closeDate') === null && reader.text('expectedCloseOn') === null) {
    context.log.note('open-without-close-date', 'open deals without an expected close date');
  }
}

const activityStatusSynonyms: Record<string, ActivityStatus> = {
  completed: 'done',
  complete: 'done',
  held: 'done',
  open: 'planned',
  scheduled: 'planned',
  'not started': 'planned',
};

export const convertActivity: Converter = (record, context) => {
  const reader = new RecordReader(record, context.format);
  reader.required('externalId', 'the activity id');
  const typeText = reader.required('type', 'the activity type');
  const type = typeText === '' ? null : context.activityTypeOf(typeText);
  if (typeText !== '' && type === null) {
    reader.fail('type', `"${typeText}" is not one of the organisation's activity types`);
  }
  reader.required('status', 'the status');
  reader.required('occursOn', 'the date');
  reader.required('ownerExternalId', 'the owner');
  reader.required('accountExternalId', 'the account');
  const values = {
    type,
    status: reader.oneOf('status', ACTIVITY_STATUSES, activityStatusSynonyms),
    occurs_on: reader.date('occursOn'),
    owner_id: reader.userReference('ownerExternalId', context.ids.users),
    account_id: reader.reference('accountExternalId', context.ids.accounts, 'account'),
    opportunity_id: null as string | null,
    // Resolved per batch by the writer: opportunities are too many to hold in memory.
    opportunity_external_id: reader.text('opportunityExternalId'),
    contact_id: reader.reference('contactExternalId', context.ids.contacts, 'contact'),
    subject: reader.text('subject') ?? '',
    outcome: reader.text('outcome'),
  };
  return done(reader, values);
};
