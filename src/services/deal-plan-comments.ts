import type { Database, Executor } from '../db/client';
import { insertDealPlanComment, listDealPlanComments } from '../db/queries/deal-plan-comments';
import { ForbiddenError } from '../domain/errors';
import type { DealPlanComment } from '../schemas/deal-plans';
import { recordChanges } from './audit';
import type { Actor } from './authorization';
import { canCommentOnDealPlan, loadVisibleOpportunity } from './deal-plan-view';

// Comments on a deal plan between the deal's owner and their manager. Whoever sees the deal
// reads them (a leader, an admin, a manager higher up); only those two write.

function toComment(row: Awaited<ReturnType<typeof listDealPlanComments>>[number]): DealPlanComment {
  return {
    id: row.comment.id,
    author: { id: row.comment.authorId, name: row.authorName },
    body: row.comment.body,
    createdAt: row.comment.createdAt.toISOString(),
  };
}

export async function listDealPlanCommentsFor(db: Executor, actor: Actor, opportunityId: string) {
  await loadVisibleOpportunity(db, actor, opportunityId);
  return (await listDealPlanComments(db, actor.orgId, opportunityId)).map(toComment);
}

export async function addDealPlanComment(
  db: Database,
  actor: Actor,
  opportunityId: string,
  body: string,
): Promise<DealPlanComment> {
  return db.transaction(async (tx) => {
    const opportunity = await loadVisibleOpportunity(tx, actor, opportunityId);
    if (!canCommentOnDealPlan(actor, opportunity.opportunity.ownerId))
      throw new ForbiddenError('Only the deal owner and their manager comment on a deal plan');
    const row = await insertDealPlanComment(tx, {
      orgId: actor.orgId,
      opportunityId,
      authorId: actor.userId,
      body,
    });
    await recordChanges(tx, actor, [
      {
        entityType: 'deal_plan_comment',
        entityId: row.id,
        action: 'create',
        after: row,
        scopeType: 'opportunity',
        scopeId: opportunityId,
      },
    ]);
    return toComment({ comment: row, authorName: actor.name });
  });
}
