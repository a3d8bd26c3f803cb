import type { ImportPreset } from '../../../schemas/import';
import type { Preset } from '../plan';
import { genericPreset } from './generic';
import { hubspotPreset } from './hubspot';
import { mavenCrmPreset } from './maven-crm';
import { salesforcePreset } from './salesforce';

export const presets: Record<ImportPreset, Preset> = {
  generic: genericPreset,
  salesforce: salesforcePreset,
  hubspot: hubspotPreset,
  'maven-crm': mavenCrmPreset,
};
