import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { MappingFile } from '../../schemas/import';

// Writes a synthetic CRM export for the generic preset: reps and managers, accounts, products
// and as many opportunities as asked, streamed to disk (the benchmark writes half a million).
// Deterministic: the same counts give the same files.

export type GeneratedCrm = { folder: string; mappingPath: string; opportunities: number };

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(
  file: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const stream = fs.createWriteStream(file);
  stream.write(`${header}\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await once(stream, 'finish');
}

export const generatedMapping: MappingFile = {
  entities: {
    users: {
      file: 'users.csv',
      columns: {
        externalId: 'id',
        name: 'name',
        role: 'role',
        managerExternalId: 'manager_id',
        territory: 'territory',
      },
    },
    accounts: {
      file: 'accounts.csv',
      columns: { externalId: 'id', name: 'name', industry: 'industry', country: 'country' },
    },
    products: {
      file: 'products.csv',
      columns: { externalId: 'id', name: 'name', listPrice: 'list_price' },
    },
    opportunities: {
      file: 'opportunities.csv',
      columns: {
        externalId: 'id',
        name: 'name',
        accountExternalId: 'account_id',
        ownerExternalId: 'owner_id',
        productExternalId: 'product_id',
        amount: 'amount',
        stage: 'stage',
        createdOn: 'created',
        closeDate: 'close_date',
      },
    },
  },
};

const stages = [
  'Prospecting',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Won',
  'Lost',
  'Won',
  'Lost',
];

export async function generateCrmFiles(
  folder: string,
  counts: { opportunities: number; accounts?: number; reps?: number },
): Promise<GeneratedCrm> {
  fs.mkdirSync(folder, { recursive: true });
  const accounts = counts.accounts ?? Math.max(10, Math.ceil(counts.opportunities / 25));
  const reps = counts.reps ?? 60;
  const managers = Math.ceil(reps / 8);
  const next = random(counts.opportunities);
  await writeLines(
    path.join(folder, 'users.csv'),
    'id,name,role,manager_id,territory',
    managers + reps,
    (i) =>
      i < managers
        ? `m${i},Manager ${i},manager,,Region ${i % 4}`
        : `r${i},Rep ${i},rep,m${i % managers},Region ${(i % managers) % 4}`,
  );
  await writeLines(
    path.join(folder, 'accounts.csv'),
    'id,name,industry,country',
    accounts,
    (i) =>
      `a${i},"Account ${i}, Inc.",${['retail', 'software', 'medical'][i % 3]},${['FR', 'DE', 'US'][i % 3]}`,
  );
  await writeLines(
    path.join(folder, 'products.csv'),
    'id,name,list_price',
    12,
    (i) => `p${i},Product ${i},${(i + 1) * 250}.00`,
  );
  await writeLines(
    path.join(folder, 'opportunities.csv'),
    'id,name,account_id,owner_id,product_id,amount,stage,created,close_date',
    counts.opportunities,
    (i) => {
      const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 700) * 86_400_000);
      const close = new Date(created.getTime() + Math.floor(next() * 120) * 86_400_000);
      const account = Math.floor(next() * accounts);
      return [
        `o${i}`,
        `"Deal ${i} for Account ${account}"`,
        `a${account}`,
        `r${managers + Math.floor(next() * reps)}`,
        `p${Math.floor(next() * 12)}`,
        `${Math.floor(next() * 100_000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`,
        stages[Math.floor(next() * stages.length)],
        created.toISOString().slice(0, 10),
        close.toISOString().slice(0, 10),
      ].join(',');
    },
  );
  const mappingPath = path.join(folder, 'mapping.json');
  fs.writeFileSync(mappingPath, JSON.stringify(generatedMapping, null, 2));
  return { folder, mappingPath, opportunities: counts.opportunities };
}
