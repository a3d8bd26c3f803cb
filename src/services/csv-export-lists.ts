import type { Database, Executor } from '../db/client';
import { type AccountExportRow, listAccountsAfter } from '../db/queries/accounts';
import { type ActivityExportRow, listActivitiesAfter } from '../db/queries/activities';
import { type ContactExportRow, listContactsAfter } from '../db/queries/contacts';
import { readInKeysetPages } from '../db/queries/keyset';
import { listOpportunitiesAfter, type OpportunityExportRow } from '../db/queries/opportunities';
import { getOrganisation } from '../db/queries/organisations';
import { NotFoundError } from '../domain/errors';
import type { AccountListQuery } from '../schemas/accounts';
import type { ActivityListQuery } from '../schemas/activities';
import type { ContactListQuery } from '../schemas/contacts';
import type { OpportunityListQuery } from '../schemas/opportunities';
import { type Actor, canRead } from './authorization';
import { todayIn } from './clock';
import { type CsvColumns, type CsvExport, csvFileName, csvStream, moneyCell } from './csv-export';
import { opportunityFilterOf } from './opportunities';

// The four lists as CSV: the list's filters, scope and sort, every matching row (not one page).
// A record without an external id goes out under its Salesplan id, and so does a reference to
// one: the import knows records by that column (docs/IMPORT.md).

async function organisationCurrency(db: Executor, actor: Actor): Promise<string> {
  const organisation = await getOrganisation(db, actor.orgId);
  if (!organisation) throw new NotFoundError('Organisation', actor.orgId);
  return organisation.currency;
}

const opportunityColumns = (
  currency: string,
): CsvColumns<OpportunityExportRow, 'opportunities'> => ({
  entity: 'opportunities',
  imported: {
    externalId: (row) => row.opportunity.externalId ?? row.id,
    name: (row) => row.opportunity.name,
    accountExternalId: (row) => row.accountKey,
    ownerExternalId: (row) => row.ownerKey,
    productExternalId: (row) => row.productKey,
    amount: (row, dialect) =>
      moneyCell(row.opportunity.amountMinor, row.opportunity.currency, currency, dialect),
    stage: (row) => row.stageName,
    createdOn: (row) => row.opportunity.createdOn,
    expectedCloseOn: (row) => row.opportunity.expectedCloseOn,
    closedOn: (row) => row.opportunity.closedOn,
    nextStep: (row) => row.opportunity.nextStep,
  },
  readable: {
    accountName: (row) => row.accountName,
    ownerName: (row) => row.ownerName,
    productName: (row) => row.productName,
    probabilityPercent: (row) => row.probabilityPercent,
  },
});

export async function exportOpportunities(
  db: Database,
  actor: Actor,
  query: OpportunityListQuery,
): Promise<CsvExport> {
  const today = todayIn(actor.timeZone);
  const filter = await opportunityFilterOf(db, actor, query);
  const currency = await organisationCurrency(db, actor);
  const pages = readInKeysetPages((after, limit) =>
    listOpportunitiesAfter(db, actor.orgId, actor.visibleOwnerIds, filter, after, limit),
  );
  return {
    fileName: csvFileName('opportunities', today),
    stream: csvStream(pages, opportunityColumns(currency), query.csv ?? 'plain'),
  };
}

const accountColumns = (currency: string): CsvColumns<AccountExportRow, 'accounts'> => ({
  entity: 'accounts',
  imported: {
    externalId: (row) => row.account.externalId ?? row.id,
    name: (row) => row.account.name,
    industry: (row) => row.account.industry,
    country: (row) => row.account.country,
    employees: (row) => row.account.employees,
    annualRevenue: (row, dialect) =>
      moneyCell(row.account.annualRevenueMinor, currency, currency, dialect),
    parentName: (row) => row.account.parentName,
    website: (row) => row.account.website,
    ownerExternalId: (row) => row.ownerKey,
    territory: (row) => row.territoryName,
    status: (row) => row.account.status,
  },
  readable: {
    ownerName: (row) => row.ownerName,
    segmentName: (row) => row.segmentName,
  },
});

export async function exportAccounts(
  db: Executor,
  actor: Actor,
  query: AccountListQuery,
): Promise<CsvExport> {
  // As the list: another person's workable accounts only for those you may see.
  if (query.workableBy && !canRead(actor, query.workableBy)) {
    throw new NotFoundError('User', query.workableBy);
  }
  const currency = await organisationCurrency(db, actor);
  const pages = readInKeysetPages((after, limit) =>
    listAccountsAfter(db, actor.orgId, actor.visibleOwnerIds, query, after, limit),
  );
  return {
    fileName: csvFileName('accounts', todayIn(actor.timeZone)),
    stream: csvStream(pages, accountColumns(currency), query.csv ?? 'plain'),
  };
}

const contactColumns: CsvColumns<ContactExportRow, 'contacts'> = {
  entity: 'contacts',
  imported: {
    externalId: (row) => row.contact.externalId ?? row.id,
    accountExternalId: (row) => row.accountKey,
    firstName: (row) => row.contact.firstName,
    lastName: (row) => row.contact.lastName,
    title: (row) => row.contact.title,
    email: (row) => row.contact.email,
    phone: (row) => row.contact.phone,
  },
  readable: { accountName: (row) => row.accountName },
};

export async function exportContacts(
  db: Executor,
  actor: Actor,
  query: ContactListQuery,
): Promise<CsvExport> {
  const pages = readInKeysetPages((after, limit) =>
    listContactsAfter(db, actor.orgId, actor.visibleOwnerIds, query, after, limit),
  );
  return {
    fileName: csvFileName('contacts', todayIn(actor.timeZone)),
    stream: csvStream(pages, contactColumns, query.csv ?? 'plain'),
  };
}

const activityColumns: CsvColumns<ActivityExportRow, 'activities'> = {
  entity: 'activities',
  imported: {
    externalId: (row) => row.activity.externalId ?? row.id,
    type: (row) => row.activity.type,
    status: (row) => row.activity.status,
    occursOn: (row) => row.activity.occursOn,
    ownerExternalId: (row) => row.ownerKey,
    accountExternalId: (row) => row.accountKey,
    opportunityExternalId: (row) => row.opportunityKey,
    contactExternalId: (row) => row.contactKey,
    subject: (row) => row.activity.subject,
    outcome: (row) => row.activity.outcome,
  },
  readable: {
    typeLabel: (row) => row.typeLabel,
    ownerName: (row) => row.ownerName,
    accountName: (row) => row.accountName,
    opportunityName: (row) => row.opportunityName,
    contactName: (row) => row.contactName,
  },
};

export async function exportActivities(
  db: Executor,
  actor: Actor,
  query: ActivityListQuery,
): Promise<CsvExport> {
  const pages = readInKeysetPages((after, limit) =>
    listActivitiesAfter(db, actor.orgId, actor.visibleOwnerIds, query, after, limit),
  );
  return {
    fileName: csvFileName('activities', todayIn(actor.timeZone)),
    stream: csvStream(pages, activityColumns, query.csv ?? 'plain'),
  };
}
