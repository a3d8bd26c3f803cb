import type { DealPlanView } from '../../../schemas/deal-plans';
import { CommentThread } from '../../components/CommentThread';
import { useSession } from '../session/useSession';
import { useAddDealPlanComment, useDealPlanComments } from './useDealPlanComments';

/** The deal owner's and their manager's comments on the plan; whoever sees the deal reads them. */
export function DealPlanComments({ plan }: { plan: DealPlanView }) {
  const comments = useDealPlanComments(plan.opportunityId);
  const add = useAddDealPlanComment(plan.opportunityId);
  const session = useSession();
  const isOwner = session.data?.user.id === plan.ownerId;
  return (
    <CommentThread
      comments={comments}
      add={add}
      canComment={plan.canComment}
      // Only the owner and their manager write here, so any other author is the manager.
      roleOf={(authorId) => (authorId === plan.ownerId ? 'deal owner' : 'manager')}
      addedMessage={
        isOwner ? 'Your manager sees it on the plan.' : `${plan.ownerName} sees it on the plan.`
      }
      readOnlyNote="Only the deal owner and their manager write here."
    />
  );
}
