import type { Preset } from '../plan';
import { planOpportunityExport } from './opportunity-export';

/** Its stage names onto the default stages (docs/IMPORT.md); the web import reads them too. */
export const HUBSPOT_STAGE_ALIASES: Record<string, string> = {
  'Appointment Scheduled': 'Prospecting',
  'Qualified To Buy': 'Qualification',
  'Presentation Scheduled': 'Proposal',
  'Decision Maker Bought-In': 'Negotiation',
  'Contract Sent': 'Negotiation',
  'Closed Won': 'Won',
  'Closed Lost': 'Lost',
};

// A HubSpot deals export (CSV); headers in docs/IMPORT.md. HubSpot writes dates as
// 2026-03-31 or 2026-03-31 14:05, which need no day order. Each pipeline has its own stages: a
// stage map entry "Renewals: Closed Won" is tried before "Closed Won" (convert-records.ts).
export const hubspotPreset: Preset = async ({ path, format, log }) =>
  planOpportunityExport(
    path,
    {
      required: {
        externalId: 'Record ID',
        name: 'Deal Name',
        ownerExternalId: 'Deal owner',
        stage: 'Deal Stage',
        createdOn: 'Create Date',
      },
      optional: {
        closeDate: 'Close Date',
        accountExternalId: 'Associated Company IDs',
        accountName: 'Associated Company',
        amount: 'Amount',
        nextStep: 'Next step',
        pipeline: 'Pipeline',
      },
      alternatives: {
        'Associated Company': 'accountExternalId',
        'Associated Company (Primary)': 'accountExternalId',
        'HubSpot Owner': 'ownerExternalId',
      },
      ownerEmail: ['Deal owner email', 'HubSpot owner email'],
      stageAliases: HUBSPOT_STAGE_ALIASES,
      dateOrder: null,
    },
    format,
    log,
  );
