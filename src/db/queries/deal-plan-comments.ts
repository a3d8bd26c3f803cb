import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { dealPlanComments, users } from '../schema';

// Comments on a deal plan, oldest first, with their author's name. Every query filters by orgId.

export async function insertDealPlanComment(
  db: Executor,
  row: typeof dealPlanComments.$inferInsert,
) {
  const [inserted] = await db.insert(dealPlanComments).values(row).returning();
  if (!inserted) throw new Error('insert into deal_plan_comments returned nothing');
  return inserted;
}

export async function listDealPlanComments(db: Executor, orgId: string, opportunityId: string) {
  return db
    .select({ comment: dealPlanComments, authorName: users.name })
    .from(dealPlanComments)
    .innerJoin(
      users,
      and(eq(users.orgId, dealPlanComments.orgId), eq(users.id, dealPlanComments.authorId)),
    )
    .where(
      and(eq(dealPlanComments.orgId, orgId), eq(dealPlanComments.opportunityId, opportunityId)),
    )
    .orderBy(asc(dealPlanComments.createdAt), asc(dealPlanComments.id));
}
