import { and, count, eq, ilike } from 'drizzle-orm';
import type { Executor } from '../client';
import { opportunities, products } from '../schema';
import { caseless, orderBy, type Page, type SortOrder } from './paging';
import { likePattern } from './scope';

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;

export type ProductFilter = {
  q?: string | undefined;
  isActive?: boolean | undefined;
  sort: 'name' | 'listPriceMinor' | 'createdAt';
  order: SortOrder;
};

export async function listProducts(db: Executor, orgId: string, filter: ProductFilter, page: Page) {
  const where = and(
    eq(products.orgId, orgId),
    filter.q ? ilike(products.name, likePattern(filter.q)) : undefined,
    filter.isActive === undefined ? undefined : eq(products.isActive, filter.isActive),
  );
  const sortColumn = {
    name: caseless(products.name),
    listPriceMinor: products.listPriceMinor,
    createdAt: products.createdAt,
  }[filter.sort];
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(products)
      .where(where)
      .orderBy(...orderBy(sortColumn, filter.order, products.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(products).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function getProduct(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.orgId, orgId), eq(products.id, id)));
  return row;
}

export async function insertProduct(db: Executor, row: NewProductRow) {
  const [inserted] = await db.insert(products).values(row).returning();
  if (!inserted) throw new Error('insert into products returned nothing');
  return inserted;
}

export async function updateProduct(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewProductRow>,
) {
  // Nothing to change: SQL has no empty SET.
  if (Object.keys(patch).length === 0) return getProduct(db, orgId, id);
  const [row] = await db
    .update(products)
    .set(patch)
    .where(and(eq(products.orgId, orgId), eq(products.id, id)))
    .returning();
  return row;
}

export async function deleteProduct(db: Executor, orgId: string, id: string) {
  await db.delete(products).where(and(eq(products.orgId, orgId), eq(products.id, id)));
}

export async function countOpportunitiesOfProduct(db: Executor, orgId: string, productId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(opportunities)
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.productId, productId)));
  return row?.value ?? 0;
}
