import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_DOCUMENT_KINDS } from '../domain/plan-format';
import { planDocumentSchemaFile } from './plan-format';

describe('the published plan format', () => {
  it.each(PLAN_DOCUMENT_KINDS)(
    'docs/plan-format/%s.schema.json is the schema the code checks (else: npx tsx scripts/plan-format-schemas.ts)',
    (kind) => {
      const file = path.resolve(import.meta.dirname, `../../docs/plan-format/${kind}.schema.json`);
      expect(fs.readFileSync(file, 'utf8')).toBe(planDocumentSchemaFile(kind));
    },
  );
});
