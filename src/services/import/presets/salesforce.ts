import type { Preset } from '../plan';
import { planOpportunityExport } from './opportunity-export';

/** Its stage names onto the default stages (docs/IMPORT.md); the web import reads them too. */
export const SALESFORCE_STAGE_ALIASES: Record<string, string> = {
  'Needs Analysis': 'Qualification',
  'Value Proposition': 'Proposal',
  'Id. Decision Makers': 'Proposal',
  'Perception Analysis': 'Proposal',
  'Proposal/Price Quote': 'Proposal',
  'Negotiation/Review': 'Negotiation',
  'Closed Won': 'Won',
  'Closed Lost': 'Lost',
};

// A Salesforce opportunity report exported as CSV ("Details only"); headers in docs/IMPORT.md.
// US-locale exports write dates month/day/year; --date-order dmy reads the others.
export const salesforcePreset: Preset = async ({ path, format, log }) =>
  planOpportunityExport(
    path,
    {
      required: {
        externalId: 'Opportunity ID',
        name: 'Opportunity Name',
        ownerExternalId: 'Opportunity Owner',
        stage: 'Stage',
        createdOn: 'Created Date',
        closeDate: 'Close Date',
      },
      optional: {
        accountExternalId: 'Account ID',
        accountName: 'Account Name',
        amount: 'Amount',
        productExternalId: 'Product Name',
        nextStep: 'Next Step',
      },
      // Without an Account ID column, the account name is its id.
      alternatives: { 'Account Name': 'accountExternalId' },
      ownerEmail: ['Owner Email', 'Opportunity Owner: Email', 'Opportunity Owner Email'],
      stageAliases: SALESFORCE_STAGE_ALIASES,
      dateOrder: 'mdy',
    },
    format,
    log,
  );
