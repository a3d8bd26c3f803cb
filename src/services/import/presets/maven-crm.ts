import path from 'node:path';
import { type SourceItem, type SourceRecord, fileSource, readMappedCsv } from '../csv-reader';
import type { ImportPlan, Preset } from '../plan';
import type { ImportLog } from '../report';
import { normaliseDecimal, parseDate, shiftDecimal } from '../values';

// The public "CRM Sales Opportunities" dataset (Maven Analytics): sales agents become reps under
// their managers, regional offices become territories, deals keep their engage and close dates
// and close value. Its quirks are handled and counted in the summary (docs/IMPORT.md).

export const mavenStages = [
  { name: 'Prospecting', position: 1, probabilityPercent: 10, kind: 'open' },
  { name: 'Engaging', position: 2, probabilityPercent: 40, kind: 'open' },
  { name: 'Won', position: 3, probabilityPercent: 100, kind: 'won' },
  { name: 'Lost', position: 4, probabilityPercent: 0, kind: 'lost' },
] as const;

// Misspellings in accounts.csv's sector column, corrected by this list only.
const sectorSpellings: Record<string, string> = { technolgy: 'technology' };

async function* mapRecords(
  items: AsyncIterable<SourceItem>,
  transform: (record: SourceRecord) => Iterable<SourceRecord>,
): AsyncGenerator<SourceItem> {
  for await (const item of items) {
    if ('problem' in item) yield item;
    else for (const record of transform(item.record)) yield { record };
  }
}

function users(folder: string): AsyncIterable<SourceItem> {
  const seenManagers = new Set<string>();
  const columns = {
    externalId: 'sales_agent',
    name: 'sales_agent',
    managerExternalId: 'manager',
    territory: 'regional_office',
  };
  const source = fileSource('sales_teams.csv', path.join(folder, 'sales_teams.csv'));
  return mapRecords(readMappedCsv(source, columns), function* (record) {
    const { managerExternalId: manager, territory } = record.values;
    if (manager !== undefined && !seenManagers.has(manager)) {
      seenManagers.add(manager);
      yield {
        ...record,
        values: { externalId: manager, name: manager, role: 'manager', territory },
        columns: { ...columns, externalId: 'manager', name: 'manager' },
      };
    }
    yield { ...record, values: { ...record.values, role: 'rep' } };
  });
}

function accounts(folder: string, log: ImportLog): AsyncIterable<SourceItem> {
  log.note(
    'account-year-established',
    'accounts.csv: year_established is not kept (Salesplan has no such field)',
  );
  const columns = {
    externalId: 'account',
    name: 'account',
    industry: 'sector',
    country: 'office_location',
    employees: 'employees',
    annualRevenue: 'revenue',
    parentName: 'subsidiary_of',
  };
  const source = fileSource('accounts.csv', path.join(folder, 'accounts.csv'));
  return mapRecords(readMappedCsv(source, columns), function* (record) {
    const values = { ...record.values };
    const sector = values.industry;
    const corrected = sector === undefined ? undefined : sectorSpellings[sector];
    if (sector !== undefined && corrected !== undefined) {
      values.industry = corrected;
      log.note(`sector-spelling:${sector}`, `sector "${sector}" corrected to "${corrected}"`);
    }
    // Revenue is in millions of dollars.
    const revenue = values.annualRevenue && normaliseDecimal(values.annualRevenue, '.');
    if (revenue) values.annualRevenue = shiftDecimal(revenue, 6);
    yield { ...record, values };
  });
}

function products(folder: string): AsyncIterable<SourceItem> {
  const columns = {
    externalId: 'product',
    name: 'product',
    series: 'series',
    listPrice: 'sales_price',
  };
  return readMappedCsv(fileSource('products.csv', path.join(folder, 'products.csv')), columns);
}

const pipelineColumns = {
  externalId: 'opportunity_id',
  ownerExternalId: 'sales_agent',
  productExternalId: 'product',
  accountExternalId: 'account',
  stage: 'deal_stage',
  createdOn: 'engage_date',
  closeDate: 'close_date',
  amount: 'close_value',
  name: 'account',
};

/** The dataset's last date, and the agents with deals: one pass over the pipeline first. */
async function scanPipeline(folder: string) {
  const source = fileSource('sales_pipeline.csv', path.join(folder, 'sales_pipeline.csv'));
  let lastDate = '';
  const agents = new Set<string>();
  for await (const item of readMappedCsv(source, pipelineColumns)) {
    if ('problem' in item) continue;
    const { createdOn, closeDate, ownerExternalId } = item.record.values;
    if (ownerExternalId) agents.add(ownerExternalId);
    for (const text of [createdOn, closeDate]) {
      const parsed = text === undefined ? null : parseDate(text, { dateOrder: null });
      if (parsed && 'value' in parsed && parsed.value > lastDate) lastDate = parsed.value;
    }
  }
  return { lastDate, agents };
}

function pipeline(folder: string, lastDate: string, log: ImportLog): AsyncIterable<SourceItem> {
  const source = fileSource('sales_pipeline.csv', path.join(folder, 'sales_pipeline.csv'));
  return mapRecords(readMappedCsv(source, pipelineColumns), function* (record) {
    const values = { ...record.values };
    values.name = `${values.accountExternalId ?? 'No account'} · ${values.productExternalId ?? 'no product'}`;
    if (values.createdOn === undefined && lastDate !== '') {
      // Prospecting deals have no engage date. They existed by the dataset's last day: that is
      // their created date, and the summary says how many got it.
      values.createdOn = lastDate;
      log.note(
        'created-on-last-date',
        `deals without engage_date: created on ${lastDate}, the dataset's last date (they existed by then)`,
      );
    }
    yield { ...record, values };
  });
}

export const mavenCrmPreset: Preset = async ({ path: folder, format, log }) => {
  const { lastDate, agents } = await scanPipeline(folder);
  const plan: ImportPlan = {
    organisation: {
      defaultSlug: 'maven',
      name: 'Maven CRM sample (computer hardware)',
      currency: 'USD',
      stages: mavenStages,
    },
    format: {
      dateOrder: format.dateOrder ?? null,
      decimalSeparator: format.decimalSeparator ?? '.',
    },
    stageAliases: {},
    steps: [
      { entity: 'users', read: () => users(folder) },
      { entity: 'accounts', read: () => accounts(folder, log) },
      { entity: 'products', read: () => products(folder) },
      { entity: 'opportunities', read: () => pipeline(folder, lastDate, log) },
    ],
  };
  const teams = fileSource('sales_teams.csv', path.join(folder, 'sales_teams.csv'));
  for await (const item of readMappedCsv(teams, { agent: 'sales_agent' })) {
    const agent = 'record' in item ? item.record.values.agent : undefined;
    if (agent && !agents.has(agent)) {
      log.note('agent-without-deals', 'sales agents without any deal: imported as reps', 1);
    }
  }
  return plan;
};
