import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { pageOf } from '../db/queries/paging';
import {
  countOpportunitiesOfProduct,
  deleteProduct as deleteProductRow,
  getProduct as getProductRow,
  insertProduct,
  listProducts as listProductRows,
  type ProductRow,
  updateProduct as updateProductRow,
} from '../db/queries/products';
import { getUserWithOrganisation } from '../db/queries/users';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { Product, ProductInput, ProductListQuery, ProductPatch } from '../schemas/products';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';

// Products are the organisation's catalogue: everyone reads it, admins change it.

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    externalId: row.externalId,
    series: row.series,
    listPriceMinor: row.listPriceMinor,
    currency: row.currency,
    typicalShareBp: row.typicalShareBp,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ConflictError('Another product already has this name or external id');
  throw error;
}

export async function listProducts(db: Executor, actor: Actor, query: ProductListQuery) {
  const { items, total } = await listProductRows(db, actor.orgId, query, pageOf(query));
  return { items: items.map(toProduct), total };
}

export async function getProduct(db: Executor, actor: Actor, id: string): Promise<Product> {
  const row = await getProductRow(db, actor.orgId, id);
  if (!row) throw new NotFoundError('Product', id);
  return toProduct(row);
}

export async function createProduct(
  db: Database,
  actor: Actor,
  input: ProductInput,
): Promise<Product> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const currency =
      input.currency ??
      (await getUserWithOrganisation(tx, actor.orgId, actor.userId))?.organisation.currency ??
      'EUR';
    const row = await insertProduct(tx, { ...input, currency, orgId: actor.orgId }).catch(
      rethrowDuplicate,
    );
    await recordChanges(tx, actor, [
      { entityType: 'product', entityId: row.id, action: 'create', after: row },
    ]);
    return toProduct(row);
  });
}

export async function updateProduct(
  db: Database,
  actor: Actor,
  id: string,
  patch: ProductPatch,
): Promise<Product> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getProductRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Product', id);
    const after = await updateProductRow(tx, actor.orgId, id, patch).catch(rethrowDuplicate);
    if (!after) throw new NotFoundError('Product', id);
    await recordChanges(tx, actor, [
      { entityType: 'product', entityId: id, action: 'update', before, after },
    ]);
    return toProduct(after);
  });
}

export async function deleteProduct(db: Database, actor: Actor, id: string): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getProductRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Product', id);
    const deals = await countOpportunitiesOfProduct(tx, actor.orgId, id);
    if (deals > 0)
      throw new ConflictError(`${deals} opportunities use this product: deactivate it instead`);
    await deleteProductRow(tx, actor.orgId, id);
    await recordChanges(tx, actor, [
      { entityType: 'product', entityId: id, action: 'delete', before },
    ]);
  });
}
