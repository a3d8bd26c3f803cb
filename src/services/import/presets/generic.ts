import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../../domain/errors';
import type { ImportEntity, UploadedFile, ValueFormat } from '../../../schemas/import';
import { fileSource, readMappedCsv } from '../csv-reader';
import type { ImportLog } from '../report';
import { HUBSPOT_STAGE_ALIASES } from './hubspot';
import { SALESFORCE_STAGE_ALIASES } from './salesforce';
import type { ImportPlan, ImportStep, Preset } from '../plan';

// The user says which file holds which entity and which column is which field: a JSON mapping
// file in the CLI (docs/IMPORT.md, "generic"), the column mapping form on the web Import page.

function formatOf(format: Partial<ValueFormat>): ValueFormat {
  return { dateOrder: format.dateOrder ?? null, decimalSeparator: format.decimalSeparator ?? '.' };
}

export const genericPreset: Preset = async ({ path: target, mapping, format, log }) => {
  if (!mapping) {
    throw new ValidationError({
      field: '--mapping',
      reason: 'the generic preset needs a mapping file',
    });
  }
  const folder = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  const steps: ImportStep[] = Object.entries(mapping.entities).map(([entity, mapped]) => {
    const file = path.join(folder, mapped.file);
    if (!fs.existsSync(file)) {
      throw new ValidationError({ field: `entities.${entity}.file`, reason: `no file ${file}` });
    }
    return {
      entity: entity as ImportEntity,
      read: () => readMappedCsv(fileSource(mapped.file, file), mapped.columns, log),
    };
  });
  return {
    organisation: { currency: 'EUR' },
    format: formatOf({
      dateOrder: format.dateOrder ?? mapping.dateOrder ?? null,
      decimalSeparator: format.decimalSeparator ?? mapping.decimalSeparator ?? '.',
    }),
    stageAliases: {},
    steps,
  };
};

/** The web Import page's uploads: each file's entity and column map, and where it was spooled. */
export function planFromUploads(
  mapped: readonly UploadedFile[],
  files: readonly { name: string; path: string }[],
  format: ValueFormat,
  log: ImportLog,
): ImportPlan {
  const entities = new Set<string>();
  for (const file of mapped) {
    if (entities.has(file.entity)) {
      throw new ValidationError({ field: 'files', reason: `two files hold ${file.entity}` });
    }
    entities.add(file.entity);
  }
  if (files.length !== mapped.length) {
    throw new ValidationError({
      field: 'files',
      reason: `the request names ${mapped.length} files and ${files.length} were sent`,
    });
  }
  return {
    organisation: { currency: 'EUR' },
    format,
    // A Salesforce or HubSpot export added on the web page as it is: their stage names are known.
    stageAliases: { ...SALESFORCE_STAGE_ALIASES, ...HUBSPOT_STAGE_ALIASES },
    steps: mapped.map((file, index) => {
      const filePath = files[index]?.path ?? '';
      return {
        entity: file.entity,
        read: () => readMappedCsv(fileSource(file.name, filePath), file.columns, log),
      };
    }),
  };
}
