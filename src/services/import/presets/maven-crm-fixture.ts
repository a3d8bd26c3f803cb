import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

// The figures an import of the Maven CRM fixture must give, counted straight from its CSV files
// without the importer, so the tests that import it check the importer against the data.

export const mavenCrmFixture = path.resolve(import.meta.dirname, 'fixtures/maven-crm');

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse(fs.readFileSync(path.join(mavenCrmFixture, file), 'utf8'), { columns: true });

const OPEN_STAGES = ['Prospecting', 'Engaging'];

export function mavenCrmFacts() {
  const accounts = read('accounts.csv');
  const products = read('products.csv');
  const teams = read('sales_teams.csv');
  const pipeline = read('sales_pipeline.csv');
  const isOpen = (row: Row) => OPEN_STAGES.includes(row.deal_stage ?? '');
  const count = (rows: Row[], test: (row: Row) => boolean) => rows.filter(test).length;
  const stages = ['Prospecting', 'Engaging', 'Won', 'Lost'].map((stage) => ({
    stage,
    count: count(pipeline, (row) => row.deal_stage === stage),
  }));
  const agentsWithDeals = new Set(pipeline.map((row) => row.sales_agent));
  const closed = pipeline.filter((row) => !isOpen(row));
  const sampleWon = pipeline.find((row) => row.deal_stage === 'Won');
  const gtk500 = products.find((row) => row.product === 'GTK 500');
  return {
    stages,
    reps: teams.length,
    managers: new Set(teams.map((row) => row.manager)).size,
    territories: new Set(teams.map((row) => row.regional_office)).size,
    accounts: accounts.length,
    products: products.length,
    opportunities: pipeline.length,
    closed: closed.length,
    repsWithClosedDeals: new Set(closed.map((row) => row.sales_agent)).size,
    notes: {
      'product-alias:GTXPro': count(pipeline, (row) => row.product === 'GTXPro'),
      'open-without-account': count(pipeline, (row) => isOpen(row) && row.account === ''),
      'open-without-amount': count(pipeline, (row) => isOpen(row) && row.close_value === ''),
      'created-on-last-date': count(pipeline, (row) => row.engage_date === ''),
      'sector-spelling:technolgy': count(accounts, (row) => row.sector === 'technolgy'),
      'agent-without-deals': count(teams, (row) => !agentsWithDeals.has(row.sales_agent)),
    },
    gtxProDeals: count(pipeline, (row) => ['GTX Pro', 'GTXPro'].includes(row.product ?? '')),
    gtk500PriceMinor: Math.round(Number(gtk500?.sales_price) * 100),
    sampleWon: {
      externalId: sampleWon?.opportunity_id ?? '',
      amountMinor: Math.round(Number(sampleWon?.close_value) * 100),
      agent: sampleWon?.sales_agent ?? '',
    },
  };
}
