// Writes the open plan format's JSON Schemas to docs/plan-format/ (src/schemas/plan-format.ts):
// `npx tsx scripts/plan-format-schemas.ts`. src/schemas/plan-format.test.ts fails when they are stale.
import fs from 'node:fs';
import path from 'node:path';
import { PLAN_DOCUMENT_KINDS } from '../src/domain/plan-format';
import { planDocumentSchemaFile } from '../src/schemas/plan-format';

const folder = path.resolve(import.meta.dirname, '../docs/plan-format');
fs.mkdirSync(folder, { recursive: true });
for (const kind of PLAN_DOCUMENT_KINDS) {
  fs.writeFileSync(path.join(folder, `${kind}.schema.json`), planDocumentSchemaFile(kind));
}
